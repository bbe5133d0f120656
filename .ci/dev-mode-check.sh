#!/usr/bin/env bash
# A new user's first run, checked: `./mvnw quarkus:dev` with no Docker and no API key must start
# without an ERROR line, a stack trace or a question, and the README's curl must get the local
# classifier's answer. Then dev mode is stopped, with nothing left running.
#
# Usage: .ci/dev-mode-check.sh [port]     (or DEV_MODE_PORT=...; default 8097)
# Env:   DEV_MODE_START_TIMEOUT  seconds to wait for dev mode to answer (default 300)
#        DEV_MODE_LOG            where dev mode's output goes (default target/dev-mode-check.log)
#        DEV_MODE_EVAL=1         also run eval/ci-devmode.sh's evaluation over HTTP against this dev
#                                mode before stopping it (CI: one dev-mode start for both checks)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${1:-${DEV_MODE_PORT:-8097}}"
START_TIMEOUT="${DEV_MODE_START_TIMEOUT:-300}"
LOG="${DEV_MODE_LOG:-target/dev-mode-check.log}"
REQUEST='{"classifier":"support-triage","input":"I was charged twice for my subscription"}'

mkdir -p "$(dirname "$LOG")"
: > "$LOG"
PGID=""

fail() {
  echo "dev-mode-check: FAIL: $*" >&2
  echo "---- last 60 lines of $LOG" >&2
  tail -n 60 "$LOG" >&2 || true
  exit 1
}

stop_dev_mode() {
  [ -n "$PGID" ] || return 0
  if kill -0 -- "-$PGID" 2>/dev/null; then
    kill -TERM -- "-$PGID" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 -- "-$PGID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 -- "-$PGID" 2>/dev/null; then
      echo "dev-mode-check: dev mode did not stop in 30 s; killing it" >&2
      kill -KILL -- "-$PGID" 2>/dev/null || true
      sleep 1
    fi
  fi
  local pgid="$PGID"
  PGID=""
  if pgrep -g "$pgid" >/dev/null 2>&1; then
    fail "processes of dev mode are still running: $(pgrep -a -g "$pgid" | head -n 5)"
  fi
}
trap stop_dev_mode EXIT
trap 'exit 130' INT TERM

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  fail "port $PORT is already in use; pass another port"
fi

echo "== dev mode on port $PORT, no Docker, no API key (log: $LOG)"
# No Docker: DOCKER_HOST points at a socket that does not exist, so the check means the same on a
# machine that has Docker. No key: the embedded classifier answers. No stdin: nothing may ask.
env -u OPENAI_API_KEY -u OPENAI_API_KEY_SECRET_ARN -u OPENAI_API_KEY_PARAMETER -u OPENAI_BASE_URL \
  DOCKER_HOST="unix:///nonexistent/docker.sock" \
  setsid ./mvnw -B quarkus:dev -Dquarkus.lambda.mock-event-server.dev-port="$PORT" -Ddebug=false \
  < /dev/null > "$LOG" 2>&1 &
PGID=$!

deadline=$((SECONDS + START_TIMEOUT))
until grep -q "Installed features" "$LOG" && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do
  kill -0 "$PGID" 2>/dev/null || fail "dev mode exited before it answered"
  [ "$SECONDS" -lt "$deadline" ] || fail "dev mode did not start within ${START_TIMEOUT} s"
  sleep 2
done

echo "== POST /classify (the README's request)"
answer=$(curl -sS --max-time 60 "http://localhost:$PORT/classify" -d "$REQUEST") \
  || fail "the README's curl got no answer"
echo "$answer"
case "$answer" in
  *'"label":"billing"'*'"model":"local"'*) ;;
  *) fail "expected label billing from the local classifier, got: $answer" ;;
esac

if [ "${DEV_MODE_EVAL:-}" = 1 ]; then
  echo "== eval/run.sh --url against dev mode"
  EVAL_DEV_RUNNING=1 EVAL_DEV_PORT="$PORT" eval/ci-devmode.sh || fail "the evaluation against dev mode failed"
fi

stop_dev_mode

echo "== dev mode's output"
problems=0
if grep -nE '(^|[^A-Za-z])ERROR([^A-Za-z]|$)' "$LOG"; then
  echo "dev-mode-check: an ERROR line (above)" >&2
  problems=1
fi
if grep -nE '^[[:space:]]+at [A-Za-z0-9_$.]+\(|^Caused by: |Exception in thread ' "$LOG"; then
  echo "dev-mode-check: a stack trace (above)" >&2
  problems=1
fi
if grep -n "Help improve Quarkus" "$LOG"; then
  echo "dev-mode-check: dev mode asked the analytics question (above)" >&2
  problems=1
fi
if ! grep -q "INFO .*Dev services are off" "$LOG"; then
  echo "dev-mode-check: no INFO line saying which dev services are off" >&2
  problems=1
fi
[ "$problems" -eq 0 ] || fail "dev mode's output is not clean"
echo "dev-mode-check: OK (started, answered, stopped; no ERROR, no stack trace, no question)"
