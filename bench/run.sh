#!/usr/bin/env bash
# One command for the cold-start / warm benchmark (see bench/README.md).
#   bench/run.sh [Bench options...]      e.g. bench/run.sh --cold 10 --warm 500
# Environment: BENCH_JAVA=/path/to/java to pick the JDK (default: Temurin 25 when installed, else `java`),
#              BENCH_REBUILD=1 to rebuild the package even when target/nano-classifier-runner.jar exists.
set -euo pipefail

cd "$(dirname "$0")/.."
PROJECT_DIR="$(pwd)"
RIC_VERSION=2.10.1

if [[ -x ./mvnw ]]; then MVN=(./mvnw); else MVN=(mvn); fi

if [[ "${BENCH_REBUILD:-0}" == "1" || ! -f target/nano-classifier-runner.jar ]]; then
  echo "bench: building the package (${MVN[*]} -B -q package -DskipTests)" >&2
  "${MVN[@]}" -B -q package -DskipTests
fi
if [[ ! -f target/nano-classifier-runner.jar ]]; then
  echo "bench: target/nano-classifier-runner.jar is missing after the build" >&2
  exit 2
fi

# The AWS Lambda Runtime Interface Client plus its runtime dependencies (aws-lambda-java-core,
# aws-lambda-java-serialization, utils-lite, annotations), via a tiny helper POM.
if [[ ! -f "target/bench-lib/aws-lambda-java-runtime-interface-client-${RIC_VERSION}.jar" ]]; then
  echo "bench: fetching aws-lambda-java-runtime-interface-client ${RIC_VERSION} into target/bench-lib" >&2
  mkdir -p target/bench-lib
  "${MVN[@]}" -B -q -f bench/ric-deps.pom.xml dependency:copy-dependencies \
    -Dric.version="${RIC_VERSION}" -DincludeScope=runtime -DoutputDirectory="${PROJECT_DIR}/target/bench-lib"
fi

if [[ -n "${BENCH_JAVA:-}" ]]; then
  JAVA="${BENCH_JAVA}"
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
elif [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA="${JAVA_HOME}/bin/java"
else
  JAVA=java
fi

# Bench starts the function with the same JDK it runs on (java.home), so this picks both.
exec "${JAVA}" bench/Bench.java --project "${PROJECT_DIR}" "$@"
