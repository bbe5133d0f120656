#!/usr/bin/env bash
# Trains a startup archive for the JVM build and adds it to target/function.zip (see infra/README.md,
# "Startup archive for the JVM build").
#
#   infra/build-jvm-archive.sh [--kind appcds|aot] [--runtime java21|java25] [--local] [--java PATH]
#                              [--java-tool-options "..."] [--invocations N] [--no-zip]
#
#   --kind appcds   AppCDS dynamic archive, /var/task/app-cds.jsa (java21 and java25; default)
#   --kind aot      JDK 25 AOT cache (JEP 483/514), /var/task/app.aot (java25 only)
#   --runtime       the Lambda runtime the function is deployed on (default java25)
#   --local         train with a local JDK instead of the Lambda base image (no container engine
#                   needed). The archive then only fits that JDK build: use it to test the training
#                   path and to measure, not to deploy.
#   --java PATH     the local java for --local (default: $JAVA_HOME/bin/java, else java on PATH)
#   --java-tool-options  what the function's JAVA_TOOL_OPTIONS will be, without the archive flag
#                   (default: the template's, -XX:+TieredCompilation -XX:TieredStopAtLevel=1, plus
#                   --add-opens=java.base/java.lang=ALL-UNNAMED on java25). Train with the same options
#                   as production: the JVM compares them when it maps the archive.
#   --no-zip        leave target/function.zip unchanged; the archive stays in target/jvm-archive/task/
#
# How it trains: target/function.zip is unpacked into target/jvm-archive/task, the way Lambda puts it
# in /var/task. The function then runs the way the managed runtime runs it: the runtime interface
# client (RIC) on the class path, the function's classes loaded by the RIC's class loader from the
# task root, the runtime's JVM flags. infra/jvm-archive/TrainArchive.java serves it the Runtime API
# and a fake OpenAI-compatible model on 127.0.0.1, sends classify, rank, API Gateway and SQS events,
# and stops it with SIGTERM, so the JVM writes the archive at exit (-XX:ArchiveClassesAtExit or
# -XX:AOTCacheOutput, passed through JAVA_TOOL_OPTIONS).
#
# In the Lambda base image (default): the function runs in public.ecr.aws/lambda/<runtime> with the
# image's own JVM, RIC and bootstrap (/var/runtime/bootstrap, started by the image's entrypoint when
# AWS_LAMBDA_RUNTIME_API is set), so the archive matches the managed runtime of that image version.
# Needs docker (or podman as docker) with a running engine and host networking.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
KIND=appcds
RUNTIME=java25
LOCAL=0
JAVA_BIN=""
JTO=""
INVOCATIONS=20
ZIP=1
RIC_VERSION=2.10.1
HANDLER=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest

while [[ $# -gt 0 ]]; do
  case "$1" in
    --kind) KIND="$2"; shift 2 ;;
    --runtime) RUNTIME="$2"; shift 2 ;;
    --local) LOCAL=1; shift ;;
    --java) JAVA_BIN="$2"; shift 2 ;;
    --java-tool-options) JTO="$2"; shift 2 ;;
    --invocations) INVOCATIONS="$2"; shift 2 ;;
    --no-zip) ZIP=0; shift ;;
    -h|--help) sed -n '2,35p' "$0"; exit 0 ;;
    *) echo "build-jvm-archive: unknown option $1" >&2; exit 2 ;;
  esac
done

case "$RUNTIME" in java21|java25) ;; *) echo "build-jvm-archive: --runtime must be java21 or java25" >&2; exit 2 ;; esac
case "$KIND" in
  appcds) ARCHIVE=app-cds.jsa; OUTPUT_FLAG="-XX:ArchiveClassesAtExit=" ; USE_FLAGS="-XX:SharedArchiveFile=/var/task/app-cds.jsa -Xshare:auto" ;;
  aot)
    ARCHIVE=app.aot; OUTPUT_FLAG="-XX:AOTCacheOutput="; USE_FLAGS="-XX:AOTCache=/var/task/app.aot"
    if [[ "$RUNTIME" != java25 ]]; then echo "build-jvm-archive: the AOT cache needs --runtime java25" >&2; exit 2; fi ;;
  *) echo "build-jvm-archive: --kind must be appcds or aot" >&2; exit 2 ;;
esac
if [[ -z "$JTO" ]]; then
  JTO="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  [[ "$RUNTIME" == java25 ]] && JTO="$JTO --add-opens=java.base/java.lang=ALL-UNNAMED"
fi

if [[ -x ./mvnw ]]; then MVN=(./mvnw); else MVN=(mvn); fi
if [[ ! -f target/function.zip ]]; then
  echo "build-jvm-archive: building the package (${MVN[*]} -B -q package -DskipTests)" >&2
  "${MVN[@]}" -B -q package -DskipTests
fi

WORK="$ROOT/target/jvm-archive"
TASK="$WORK/task"
rm -rf "$TASK"
mkdir -p "$TASK"
# function.zip without an archive from an earlier run
(cd "$TASK" && unzip -q "$ROOT/target/function.zip" -x app-cds.jsa app.aot)

TRAIN=(java "$ROOT/infra/jvm-archive/TrainArchive.java" --invocations "$INVOCATIONS")
[[ -n "$JAVA_BIN" ]] && TRAIN[0]="$JAVA_BIN"
[[ -z "$JAVA_BIN" && -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]] && TRAIN[0]="${JAVA_HOME}/bin/java"

if [[ "$LOCAL" == 1 ]]; then
  JAVA="${TRAIN[0]}"
  FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [[ "$KIND" == aot && "${FEATURE%%.*}" -lt 25 ]]; then
    echo "build-jvm-archive: --kind aot needs a JDK 25 ($JAVA is $FEATURE); pass --java" >&2; exit 2
  fi
  # The RIC as /var/runtime/lib holds it on the managed runtime (same jars as bench/run.sh).
  if [[ ! -f "target/bench-lib/aws-lambda-java-runtime-interface-client-${RIC_VERSION}.jar" ]]; then
    mkdir -p target/bench-lib
    "${MVN[@]}" -B -q -f bench/ric-deps.pom.xml dependency:copy-dependencies \
      -Dric.version="${RIC_VERSION}" -DincludeScope=runtime -DoutputDirectory="$ROOT/target/bench-lib"
  fi
  # Lambda's own flags (the managed runtime adds them itself); -Xshare:auto is rejected next to
  # -XX:AOTCacheOutput on JDK 25, and is the default anyway.
  LAMBDA_FLAGS=(-XX:+UseSerialGC -XX:MaxRAM=1024m -Djava.net.preferIPv4Stack=true)
  TRAIN_FLAGS=("${LAMBDA_FLAGS[@]}")
  [[ "$KIND" == appcds ]] && TRAIN_FLAGS+=(-Xshare:auto)
  ARCHIVE_PATH="$TASK/$ARCHIVE"
  echo "build-jvm-archive: training $KIND locally with $JAVA ($FEATURE), task root $TASK" >&2
  (cd "$TASK" && "${TRAIN[@]}" --archive "$ARCHIVE_PATH" --env "JAVA_TOOL_OPTIONS=$JTO ${OUTPUT_FLAG}${ARCHIVE_PATH}" \
    --env "LAMBDA_TASK_ROOT=$TASK" -- \
    "$JAVA" "${TRAIN_FLAGS[@]}" -cp "$ROOT/target/bench-lib/*" \
    com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$HANDLER")
  # The local archive names the local task root; Lambda's is /var/task.
  USE_FLAGS="${USE_FLAGS//\/var\/task/$TASK}"
  echo "build-jvm-archive: check run with $USE_FLAGS (the JVM refuses a mismatched archive here)" >&2
  STRICT=$([[ "$KIND" == appcds ]] && echo "-Xshare:on" || echo "-XX:AOTMode=on")
  (cd "$TASK" && "${TRAIN[@]}" --check --invocations 2 --env "LAMBDA_TASK_ROOT=$TASK" \
    --env "JAVA_TOOL_OPTIONS=$JTO $USE_FLAGS $STRICT -Xlog:class+load=info:file=$WORK/check-class-load.log" -- \
    "$JAVA" "${LAMBDA_FLAGS[@]}" -cp "$ROOT/target/bench-lib/*" \
    com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$HANDLER")
  TOTAL=$(grep -c ' source: ' "$WORK/check-class-load.log" || true)
  SHARED=$(grep -c ' source: shared objects file' "$WORK/check-class-load.log" || true)
  APP=$(grep -E '\] (dev\.nanoclassifier|io\.quarkus)\.' "$WORK/check-class-load.log" | grep -c 'shared objects file' || true)
  echo "build-jvm-archive: check run loaded $TOTAL classes, $SHARED from the archive ($APP of them dev.nanoclassifier/io.quarkus)" >&2
else
  ENGINE=${CONTAINER_ENGINE:-docker}
  if ! command -v "$ENGINE" >/dev/null || ! "$ENGINE" info >/dev/null 2>&1; then
    echo "build-jvm-archive: no running container engine ($ENGINE). Train inside public.ecr.aws/lambda/$RUNTIME on a" >&2
    echo "  machine with docker, or use --local to test the training path with a local JDK." >&2
    exit 3
  fi
  IMAGE="public.ecr.aws/lambda/${RUNTIME/java/java:}"
  echo "build-jvm-archive: training $KIND in $IMAGE" >&2
  # Host networking: the function in the container reaches TrainArchive's Runtime API and fake model on
  # 127.0.0.1. `-e NAME` copies the value TrainArchive sets in the docker client's environment.
  # --init forwards TrainArchive's SIGTERM to the JVM so that it writes the archive.
  JAVA_TOOL_OPTIONS_TRAIN="$JTO ${OUTPUT_FLAG}/var/task/$ARCHIVE"
  "${TRAIN[@]}" --archive "$TASK/$ARCHIVE" -- \
    "$ENGINE" run --rm --init --network host -v "$TASK:/var/task" \
      -e JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS_TRAIN" \
      -e AWS_LAMBDA_RUNTIME_API -e AWS_REGION -e AWS_DEFAULT_REGION -e AWS_LAMBDA_FUNCTION_NAME \
      -e AWS_LAMBDA_FUNCTION_MEMORY_SIZE -e AWS_LAMBDA_FUNCTION_VERSION -e AWS_LAMBDA_LOG_GROUP_NAME \
      -e AWS_LAMBDA_LOG_STREAM_NAME -e AWS_LAMBDA_INITIALIZATION_TYPE -e AWS_EC2_METADATA_DISABLED \
      -e OPENAI_BASE_URL -e OPENAI_API_KEY \
      "$IMAGE" "$HANDLER"
fi

if [[ "$ZIP" == 1 ]]; then
  (cd "$TASK" && zip -q "$ROOT/target/function.zip" "$ARCHIVE")
  echo "build-jvm-archive: added $ARCHIVE to target/function.zip; deploy with StartupArchive=$([[ $KIND == aot ]] && echo AOTCache || echo AppCDS) JavaRuntime=$RUNTIME" >&2
  echo "  (the function's JAVA_TOOL_OPTIONS then get: $USE_FLAGS)" >&2
fi
