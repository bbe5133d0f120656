#!/usr/bin/env bash
# One command for the evaluation tool (see eval/README.md).
#   eval/run.sh                                   shipped data, local (no key) vs the fake model
#   eval/run.sh DATA.jsonl --config nano:CLASSIFIER_MODEL=gpt-5.4-nano --config local:OPENAI_API_KEY=
#   eval/run.sh DATA.jsonl --url https://abc.execute-api.eu-west-1.amazonaws.com --header 'Authorization: Bearer ...'
# Environment: EVAL_JAVA=/path/to/java to pick the JDK (default: $JAVA_HOME or `java`),
#              EVAL_REBUILD=1 to rebuild the package even when target/nano-classifier-runner.jar exists.
set -euo pipefail

cd "$(dirname "$0")/.."
PROJECT_DIR="$(pwd)"
RIC_VERSION=2.10.1

if [[ -n "${EVAL_JAVA:-}" ]]; then
  JAVA="${EVAL_JAVA}"
elif [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA="${JAVA_HOME}/bin/java"
else
  JAVA=java
fi
JAVAC="$(dirname "$(command -v "${JAVA}" || echo "${JAVA}")")/javac"
[[ -x "${JAVAC}" ]] || JAVAC=javac

if [[ -x ./mvnw ]]; then MVN=(./mvnw); else MVN=(mvn); fi

# Only a run of the packaged function needs the package and the runtime interface client; --url does not.
needs_package=1
for a in "$@"; do
  case "$a" in --url|--url=*|-h|--help) needs_package=0 ;; esac
done

if [[ "${needs_package}" == "1" ]]; then
  if [[ "${EVAL_REBUILD:-0}" == "1" || ! -f target/nano-classifier-runner.jar ]]; then
    echo "eval: building the package (${MVN[*]} -B -q package -DskipTests)" >&2
    "${MVN[@]}" -B -q package -DskipTests
  fi
  if [[ ! -f target/nano-classifier-runner.jar ]]; then
    echo "eval: target/nano-classifier-runner.jar is missing after the build" >&2
    exit 2
  fi
  # The AWS Lambda Runtime Interface Client and its dependencies, as for the benchmark (bench/run.sh).
  if [[ ! -f "target/bench-lib/aws-lambda-java-runtime-interface-client-${RIC_VERSION}.jar" ]]; then
    echo "eval: fetching aws-lambda-java-runtime-interface-client ${RIC_VERSION} into target/bench-lib" >&2
    mkdir -p target/bench-lib
    "${MVN[@]}" -B -q -f bench/ric-deps.pom.xml dependency:copy-dependencies \
      -Dric.version="${RIC_VERSION}" -DincludeScope=runtime -DoutputDirectory="${PROJECT_DIR}/target/bench-lib"
  fi
fi

# The tool and the benchmark classes it shares (Runtime API, launcher, fake model, JSON codec): JDK only, Java 17.
CLASSES=target/eval-classes
SOURCES=(eval/src/main/java)
[[ -d bench/src/main/java ]] && SOURCES+=(bench/src/main/java)
STAMP="${CLASSES}/.stamp"
if [[ ! -f "${STAMP}" || -n "$(find "${SOURCES[@]}" -name '*.java' -newer "${STAMP}" -print -quit)" ]]; then
  rm -rf "${CLASSES}"
  mkdir -p "${CLASSES}"
  find "${SOURCES[@]}" -name '*.java' > target/eval-sources.txt
  "${JAVAC}" --release 17 -nowarn -encoding UTF-8 -d "${CLASSES}" @target/eval-sources.txt
  touch "${STAMP}"
fi

exec "${JAVA}" -cp "${CLASSES}" dev.nanoclassifier.eval.EvalMain --project "${PROJECT_DIR}" "$@"
