#!/usr/bin/env bash
# CI check of `eval/run.sh --url` against the dev-mode event server: evaluates a few shipped cases
# over HTTP and checks the three outputs.
#   eval/ci-devmode.sh            self-contained: runs .ci/dev-mode-check.sh (which starts dev mode on
#                                 EVAL_DEV_PORT, default 8094, checks it, calls back here, stops it)
#   EVAL_DEV_RUNNING=1 eval/ci-devmode.sh   dev mode already answers on EVAL_DEV_PORT: only the
#                                          evaluation is checked
# Exit status: 0 when the outputs exist and every case was answered.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${EVAL_DEV_PORT:-8094}"
OUT_DIR="target/eval-devmode"
say() { echo "ci-devmode: $*" >&2; }

if [[ "${EVAL_DEV_RUNNING:-}" != 1 ]]; then
  # Dev mode is started, checked and stopped by .ci/dev-mode-check.sh, which calls back here with
  # EVAL_DEV_RUNNING=1 while it answers.
  exec env DEV_MODE_EVAL=1 DEV_MODE_LOG=target/eval-devmode-quarkus.log bash .ci/dev-mode-check.sh "${PORT}"
fi

rm -rf "${OUT_DIR}"
mkdir -p "${OUT_DIR}"

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
