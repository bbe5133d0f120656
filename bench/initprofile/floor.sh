#!/usr/bin/env bash
# What Quarkus' Lambda extension costs by itself, next to what this function costs: the smallest
# Quarkus Lambda function (bench/initprofile/floor/, a stream handler that answers a fixed body) and
# nano-classifier, cold-started in alternation by InitProbe under the same RIC and Lambda flags, on
# the plain JVM and with a JDK 25 AOT cache trained for each. See bench/README.md, "The Quarkus floor".
#   bench/initprofile/floor.sh [ROUNDS]     (default 4 rounds of 2 measured cold starts per project and mode)
# Environment: FLOOR_JAVA (a JDK 25 java, default Temurin 25), FLOOR_MODES (default "plain aot").
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
FLOOR="$ROOT/bench/initprofile/floor"
ROUNDS="${1:-4}"
JAVA="${FLOOR_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
MODES="${FLOOR_MODES:-plain aot}"
RIC_VERSION=2.10.1
QUARKUS_VERSION="$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml | head -1)"
OUT="$ROOT/target/floor"
say() { echo "floor: $*" >&2; }

[[ -x "$JAVA" ]] || { say "no JDK 25 at $JAVA (set FLOOR_JAVA)"; exit 2; }
mkdir -p "$OUT"

say "packaging nano-classifier and the floor function (Quarkus $QUARKUS_VERSION)"
./mvnw -B -q package -DskipTests
./mvnw -B -q -f "$FLOOR/pom.xml" package -Dquarkus.platform.version="$QUARKUS_VERSION"
for p in "$ROOT" "$FLOOR"; do
  if [[ ! -f "$p/target/bench-lib/aws-lambda-java-runtime-interface-client-$RIC_VERSION.jar" ]]; then
    ./mvnw -B -q -f bench/ric-deps.pom.xml dependency:copy-dependencies -Dric.version="$RIC_VERSION" \
      -DincludeScope=runtime -DoutputDirectory="$p/target/bench-lib"
  fi
done

probe() { # project runs [jvm flags...]
  local p="$1" n="$2"; shift 2
  PROBE_PROJECT="$p" "$JAVA" "$ROOT/bench/initprofile/InitProbe.java" "$n" - "$@"
}

if [[ " $MODES " == *" aot "* ]]; then
  for p in "$ROOT" "$FLOOR"; do
    say "training an AOT cache for $(basename "$p") (3 invocations, then SIGTERM)"
    rm -f "$p/target/floor.aot"
    PROBE_INVOCATIONS=3 probe "$p" 1 -Xmx512m -XX:AOTCacheOutput="$p/target/floor.aot" >/dev/null
    [[ -f "$p/target/floor.aot" ]] || { say "no AOT cache written for $p"; exit 1; }
  done
fi

: > "$OUT/runs.txt"
for r in $(seq 1 "$ROUNDS"); do
  for mode in $MODES; do
    for p in "$FLOOR" "$ROOT"; do
      name=$([[ "$p" == "$FLOOR" ]] && echo floor || echo nano-classifier)
      if [[ "$mode" == aot ]]; then flags=(-Xmx512m -XX:AOTMode=on -XX:AOTCache="$p/target/floor.aot"); else flags=(-Xshare:auto -Xmx512m); fi
      # Each InitProbe call's first start is served by the probe's own cold JVM (its Runtime API and
      # fake model answer slowly the first time), which adds 40-80 ms to that first invocation: it is dropped.
      probe "$p" 3 "${flags[@]}" | grep '^run' | grep -v '^run 0:' | sed "s/^/$mode $name /" | tee -a "$OUT/runs.txt"
    done
  done
done

python3 - "$OUT/runs.txt" <<'EOF'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) (\S+) run \d+: init ([\d.]+) ms\s+first ([\d.]+) ms.*total ([\d.]+) ms", line)
    if m:
        rows.setdefault((m.group(1), m.group(2)), []).append([float(m.group(i)) for i in (3, 4, 5)])
print("\n| mode | function | cold starts | init p50 ms | first invocation p50 ms | cold total p50 ms | cold total min ms |")
print("|---|---|---:|---:|---:|---:|---:|")
for (mode, name), v in sorted(rows.items(), key=lambda kv: (kv[0][0] != "plain", kv[0][1] != "floor")):
    med = [statistics.median(x[i] for x in v) for i in range(3)]
    print(f"| {mode} | {name} | {len(v)} | {med[0]:.0f} | {med[1]:.0f} | {med[2]:.0f} | {min(x[2] for x in v):.0f} |")
EOF
