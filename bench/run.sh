#!/usr/bin/env bash
# One command for the cold-start / warm benchmark (see bench/README.md).
#   bench/run.sh [options...]      e.g. bench/run.sh --cold 10 --warm 500   (bench/run.sh --help)
# Environment:
#   BENCH_JAVA=/path/to/java   the JDK that runs the tool and the function (default: Temurin 25 when installed)
#   BENCH_REBUILD=1            rebuild the jar (and the native executable) even when they exist
#   BENCH_NATIVE=0             do not build the native executable even when native-link is available
#   NATIVE_LINK=/path          the native-link tool (default: ../shared/tools/native-check/native-link)
set -euo pipefail

cd "$(dirname "$0")/.."
PROJECT_DIR="$(pwd)"
RIC_VERSION=2.10.1
if [[ -x ./mvnw ]]; then MVN=(./mvnw); else MVN=(mvn); fi
say() { echo "bench: $*" >&2; }

# 1. The packaged function (legacy jar layout: target/nano-classifier-runner.jar + target/lib/).
if [[ "${BENCH_REBUILD:-0}" == "1" || ! -f target/nano-classifier-runner.jar ]]; then
  say "building the package (${MVN[*]} -B -q package -DskipTests)"
  "${MVN[@]}" -B -q package -DskipTests
fi
[[ -f target/nano-classifier-runner.jar ]] || { say "target/nano-classifier-runner.jar is missing after the build"; exit 2; }

# 2. The AWS Lambda Runtime Interface Client and its runtime dependencies, via a tiny helper POM.
if [[ ! -f "target/bench-lib/aws-lambda-java-runtime-interface-client-${RIC_VERSION}.jar" ]]; then
  say "fetching aws-lambda-java-runtime-interface-client ${RIC_VERSION} into target/bench-lib"
  mkdir -p target/bench-lib
  "${MVN[@]}" -B -q -f bench/ric-deps.pom.xml dependency:copy-dependencies \
    -Dric.version="${RIC_VERSION}" -DincludeScope=runtime -DoutputDirectory="${PROJECT_DIR}/target/bench-lib"
fi

# 3. The Node.js baseline: the official openai SDK from bench/node/package-lock.json, installed locally.
if [[ -f bench/node/package-lock.json && ! -d bench/node/node_modules/openai ]]; then
  if command -v npm >/dev/null; then
    say "npm ci in bench/node"
    (cd bench/node && npm ci --no-audit --no-fund --loglevel=error) || say "npm ci failed: the Node variant will be skipped"
  else
    say "npm not found: the Node variant will be skipped"
  fi
fi

# 4. The native executable, linked with native-link when the tool is there. It takes ~5 min and
#    ~3.3 GB, so an executable newer than the sources and the pom is reused.
NATIVE_LINK="${NATIVE_LINK:-../shared/tools/native-check/native-link}"
NATIVE_BIN=target/native-link/nano-classifier-runner
if [[ "${BENCH_NATIVE:-1}" != "0" && -f "${NATIVE_LINK}" ]]; then
  stale=1
  if [[ -x "${NATIVE_BIN}" && "${BENCH_REBUILD:-0}" != "1" ]]; then
    newer="$(find src/main pom.xml -newer "${NATIVE_BIN}" -type f -print -quit)"
    [[ -z "${newer}" ]] && stale=0
  fi
  if [[ "${stale}" == "1" ]]; then
    say "building the native executable with ${NATIVE_LINK} (about 5 minutes)"
    rm -rf target/nano-classifier-native-image-source-jar
    # native-check's shim GraalVM home captures the builder arguments and stops the build on purpose.
    "${MVN[@]}" -B -q package -DskipTests -Dquarkus.native.enabled=true -Dquarkus.native.container-build=false \
      -Dquarkus.native.graalvm-home="$(bash "$(dirname "${NATIVE_LINK}")/native-check" --shim-home)" >target/native-capture.log 2>&1 || true
    if [[ -f target/nano-classifier-native-image-source-jar/native-image.args ]]; then
      bash "${NATIVE_LINK}" target/nano-classifier-native-image-source-jar >target/native-link.log 2>&1 \
        || say "native-link failed (see target/native-link.log): the native variant will be skipped"
    else
      say "no native-image.args captured (see target/native-capture.log): the native variant will be skipped"
    fi
    # The native package run replaced the JVM jar's build output; rebuild the JVM package.
    "${MVN[@]}" -B -q package -DskipTests
  fi
fi

# 5. The bench tool itself: plain javac, JDK only.
if [[ -n "${BENCH_JAVA:-}" ]]; then
  JAVA="${BENCH_JAVA}"
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
elif [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA="${JAVA_HOME}/bin/java"
else
  JAVA=java
fi
JAVAC="$(dirname "$(readlink -f "${JAVA}")")/javac"
[[ -x "${JAVAC}" ]] || JAVAC=javac
rm -rf target/bench-tool
"${JAVAC}" --release 17 -d target/bench-tool $(find bench/src/main/java -name '*.java')

# The tool starts the function with the JDK it runs on (java.home), so this picks both.
exec "${JAVA}" -cp target/bench-tool dev.nanoclassifier.bench.Bench --project "${PROJECT_DIR}" "$@"
