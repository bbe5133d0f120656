#!/usr/bin/env bash
# Renders an evaluation report in headless Chromium and checks that the heatmaps and the plot are
# there: the rendered DOM (--dump-dom) and a screenshot (--screenshot), kept beside the report.
#   eval/check-html.sh [target/eval/eval.html]
set -euo pipefail
cd "$(dirname "$0")/.."
HTML="${1:-target/eval/eval.html}"
[[ -s "${HTML}" ]] || { echo "check-html: ${HTML} is missing (run eval/run.sh first)" >&2; exit 1; }
CHROMIUM="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[[ -n "${CHROMIUM}" ]] || { echo "check-html: chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }
URL="file://$(readlink -f "${HTML}")"
PNG="${HTML%.html}.png"
PROFILE="$(mktemp -d)"
trap 'rm -rf "${PROFILE}"' EXIT
FLAGS=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run)
DOM="$("${CHROMIUM}" "${FLAGS[@]}" --user-data-dir="${PROFILE}/a" --dump-dom "${URL}" 2>/dev/null)"
heatmaps="$(grep -o '<svg class="confusion"' <<<"${DOM}" | wc -l)"
plots="$(grep -o '<svg class="cost-accuracy"' <<<"${DOM}" | wc -l)"
cells="$(grep -o '<g class="cell">' <<<"${DOM}" | wc -l)"
"${CHROMIUM}" "${FLAGS[@]}" --user-data-dir="${PROFILE}/b" --window-size=1280,3000 --screenshot="${PNG}" "${URL}" >/dev/null 2>&1
echo "check-html: ${HTML}: ${heatmaps} confusion heatmaps (${cells} cells), ${plots} cost-vs-accuracy plots; screenshot ${PNG}" >&2
[[ "${heatmaps}" -ge 1 && "${cells}" -ge 4 && "${plots}" -ge 1 && -s "${PNG}" ]]
