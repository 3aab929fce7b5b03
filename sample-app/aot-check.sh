#!/usr/bin/env bash
# Builds the sample with Spring AOT (the 'aot' profile: spring-boot-maven-plugin's process-aot), starts it on the JVM
# with -Dspring.aot.enabled=true (the generated bean definitions instead of the annotations, as in a native image),
# on the built-in simulator (no API key), and asks it one chat, one stream, one structured answer and one tool call. Prints what it got; exits non-zero when
# the application does not start in AOT mode or an answer is missing.
#
#   sample-app/aot-check.sh [port]     (from the repository root or from sample-app; MAVEN_ARGS="-o" to build offline)
#
# This checks the AOT-generated context and the hints' registration on the JVM; it does not build a native image.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${1:-18080}
log=$(mktemp)
# One reactor build, so that the project's own modules are this build's jars, never an older copy in ~/.m2; every
# module writes its class path to the same file, and the sample, built last, writes it last.
mvn -B -q ${MAVEN_ARGS:-} -pl sample-app -am -Paot -DskipTests package dependency:build-classpath \
	-Dmdep.includeScope=runtime -Dmdep.outputFile="$log.cp"
cp=$(cat "$log.cp")
env -u CEREBRAS_API_KEY java -Dspring.aot.enabled=true -Dserver.port="$port" \
	-cp "$root/sample-app/target/classes:$cp" io.github.cerebras4j.sample.SampleApplication > "$log" 2>&1 &
pid=$!
trap 'status=$?; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -f "$log" "$log.cp"; exit $status' EXIT
for _ in $(seq 1 120); do
	if grep -q 'Started SampleApplication' "$log"; then break; fi
	if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "The application stopped"; exit 1; fi
	sleep 0.5
done
grep -m1 'Starting AOT-processed SampleApplication' "$log" || { cat "$log"; echo "Not started in AOT mode"; exit 1; }
base="http://127.0.0.1:$port/api"
chat=$(curl -sS --fail -H 'Content-Type: application/json' -d '{"prompt":"Hello"}' "$base/chat")
echo "chat: $chat"
stream=$(curl -sS --fail -N -H 'Content-Type: application/json' -H 'Accept: text/event-stream' \
	-d '{"prompt":"Hello"}' "$base/chat/stream")
echo "stream: $(echo "$stream" | head -c 600)"
structured=$(curl -sS --fail -H 'Content-Type: application/json' -d '{"prompt":"Paris"}' "$base/structured")
echo "structured: $structured"
tools=$(curl -sS --fail -H 'Content-Type: application/json' -d '{"prompt":"What time is it in Paris?"}' "$base/tools")
echo "tools: $tools"
[ -n "$chat" ] && echo "$stream" | grep -q '^data:' && [ -n "$structured" ] && [ -n "$tools" ] \
	|| { echo "An answer is missing"; exit 1; }
echo "AOT check passed"
