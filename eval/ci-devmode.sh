#!/usr/bin/env bash
# CI check of `eval/run.sh --url` against the dev-mode event server (self-contained):
# starts ./mvnw quarkus:dev in the background, waits until it answers, evaluates a few shipped cases
# over HTTP, checks the three outputs, and stops dev mode again.
#   eval/ci-devmode.sh            ports: EVAL_DEV_PORT (default 8094) for the event server
#   EVAL_DEV_RUNNING=1 eval/ci-devmode.sh   dev mode already answers on EVAL_DEV_PORT (started by
#                                          .ci/dev-mode-check.sh): only the evaluation is checked
# Exit status: 0 when the outputs exist and every case was answered.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${EVAL_DEV_PORT:-8094}"
OUT_DIR="target/eval-devmode"
LOG="${OUT_DIR}/quarkus-dev.log"
say() { echo "ci-devmode: $*" >&2; }
if [[ -x ./mvnw ]]; then MVN=(./mvnw); else MVN=(mvn); fi

rm -rf "${OUT_DIR}"
mkdir -p "${OUT_DIR}"

if [[ "${EVAL_DEV_RUNNING:-}" != 1 ]]; then
  # No key: the embedded classifier answers, so the check needs no network.
  say "starting quarkus:dev on :${PORT} (log: ${LOG})"
  OPENAI_API_KEY= setsid "${MVN[@]}" -B quarkus:dev -Dquarkus.lambda.mock-event-server.dev-port="${PORT}" -Ddebug=false \
    -Dquarkus.console.enabled=false -Dquarkus.analytics.disabled=true >"${LOG}" 2>&1 </dev/null &
  DEV_PID=$!
  stop_dev() {
    if kill -0 "${DEV_PID}" 2>/dev/null; then
      say "stopping dev mode (process group ${DEV_PID})"
      kill -TERM -- "-${DEV_PID}" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "${DEV_PID}" 2>/dev/null || break; sleep 1; done
      kill -KILL -- "-${DEV_PID}" 2>/dev/null || true
    fi
  }
  trap stop_dev EXIT

  say "waiting for http://localhost:${PORT}/ to answer"
  for i in $(seq 1 240); do
    if curl -fsS -m 5 -X POST "http://localhost:${PORT}/classify" \
         -d '{"classifier":"support-triage","input":"ping"}' >/dev/null 2>&1; then
      say "dev mode answers after ${i}s"
      break
    fi
    if ! kill -0 "${DEV_PID}" 2>/dev/null; then
      say "dev mode exited; last lines of ${LOG}:"; tail -40 "${LOG}" >&2; exit 1
    fi
    if [[ "${i}" == "240" ]]; then
      say "dev mode did not answer within 240 s; last lines of ${LOG}:"; tail -40 "${LOG}" >&2; exit 1
    fi
    sleep 1
  done
fi

# A few cases of each shipped set: classify (named classifier), multi-label (inline labels), rank.
eval/run.sh src/test/resources/eval/support-triage.jsonl src/test/resources/eval/support-triage-multilabel.jsonl \
  src/test/resources/eval/help-center-rank.jsonl --url "dev=http://localhost:${PORT}" --limit 4 --concurrency 2 \
  --out "${OUT_DIR}/eval.json" --header "Authorization: Bearer not-checked-by-dev-mode" >"${OUT_DIR}/stdout.md"

for f in eval.json eval.html eval.md; do
  [[ -s "${OUT_DIR}/${f}" ]] || { say "missing ${OUT_DIR}/${f}"; exit 1; }
done
grep -q '^| dev | 4 | ' "${OUT_DIR}/stdout.md" || { say "no result row in the summary:"; cat "${OUT_DIR}/stdout.md" >&2; exit 1; }
python3 - "${OUT_DIR}/eval.json" <<'PY' || { say "the JSON output is not as expected"; exit 1; }
import json, sys
r = json.load(open(sys.argv[1]))
assert r["complete"], "run not complete"
cfg = r["configs"][0]
assert len(cfg["cases"]) == 12, len(cfg["cases"])
errors = [c["error"] for c in cfg["cases"] if c["error"]]
assert not errors, errors
assert all(c["model"] == "local" for c in cfg["cases"]), "dev mode without a key answers with the embedded classifier"
print("ci-devmode: 12 cases answered over HTTP by dev mode", file=sys.stderr)
PY
say "ok: ${OUT_DIR}/eval.json, eval.html, eval.md"
