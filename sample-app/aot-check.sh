#!/usr/bin/env bash
# Builds the sample with Spring AOT (the 'aot' profile: spring-boot-maven-plugin's process-aot), starts it on the JVM
# with -Dspring.aot.enabled=true (the generated bean definitions instead of the annotations, as in a native image),
# on the built-in simulator (no API key), and asks it one chat and one stream. Prints what it got; exits non-zero when
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
mvn -B -q ${MAVEN_ARGS:-} -pl sample-app -am -Paot -DskipTests package
# The project's own modules from this build (target/classes), never an older copy in the local repository.
mvn -B -q ${MAVEN_ARGS:-} -f sample-app/pom.xml dependency:build-classpath -Dmdep.includeScope=runtime \
	-Dmdep.outputFile="$log.cp"
cp=$(tr ':' '\n' < "$log.cp" \
	| sed -E "s#^.*/io/github/cerebras4j/([a-z-]+)/[^/]+/[^/]+\.jar\$#$root/\1/target/classes#" \
	| while read -r entry; do [ -e "$entry" ] && echo "$entry"; done | paste -sd:)
env -u CEREBRAS_API_KEY java -Dspring.aot.enabled=true -Dserver.port="$port" \
	-cp "$root/sample-app/target/classes:$cp" io.github.cerebras4j.sample.SampleApplication > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log" "$log.cp"' EXIT
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
[ -n "$chat" ] && echo "$stream" | grep -q '^data:' || { echo "An answer is missing"; exit 1; }
echo "AOT check passed"
