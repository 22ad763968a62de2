#!/usr/bin/env bash
# Request throughput of a running vidsim, side by side with a reference route on the same server.
#   reference: GET /_sim/health  (Javalin + Jetty, no engine work, not journaled)
#   poll:      GET /v1/videos/ID (auth, engine lock, journal request+response, JSON)
#   create:    POST /v1/videos   (pricing, ledger hold, scheduler, journal)
# Prints requests/s for each and the ratio to the reference, then the JVM heap after the load
# (the journal is bounded, so heap must not grow with request count).
# Needs wrk (Debian package "wrk"). Loopback only; each run is bounded by DURATION.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/simulator/target/vidsim.jar"
duration="${DURATION:-10s}"
[ -f "$jar" ] || mvn -B -q -ntp -f "$here/pom.xml" -pl simulator -am -DskipTests package
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 2; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
u="http://127.0.0.1:$port"
java -Xmx512m -jar "$jar" serve --port "$port" >/tmp/vidsim-bench.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "$u/_sim/health" >/dev/null; do sleep 0.05; done
key=$(curl -s -d '{"balance":"1000000.00"}' "$u/_sim/tenants" | python3 -c 'import json,sys; print(json.load(sys.stdin)["apiKey"])')
job=$(curl -s -H "Authorization: Bearer $key" -d '{"model":"clip-video","prompt":"bench"}' "$u/v1/videos" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
lua=$(mktemp)
cat > "$lua" <<LUA
wrk.method = "POST"
wrk.body = '{"model":"clip-video","prompt":"bench"}'
wrk.headers["Authorization"] = "Bearer $key"
LUA
rps() { wrk -t2 -c16 -d"$duration" "$@" | awk '/Requests\/sec/ {print int($2)}'; }
# Warm the JIT on every route first, so the order of the measured runs does not matter.
DURATION_SAVED="$duration"; duration=2s
rps "$u/_sim/health" >/dev/null; rps -H "Authorization: Bearer $key" "$u/v1/videos/$job" >/dev/null
duration="$DURATION_SAVED"
ref=$(rps "$u/_sim/health")
poll=$(rps -H "Authorization: Bearer $key" "$u/v1/videos/$job")
create=$(rps -s "$lua" "$u/v1/videos")
ratio() { awk -v a="$1" -v b="$ref" 'BEGIN {printf "%.2f", a/b}'; }
echo "reference GET /_sim/health : $ref req/s"
echo "poll      GET /v1/videos/ID: $poll req/s  (ratio $(ratio "$poll"))"
echo "create    POST /v1/videos  : $create req/s  (ratio $(ratio "$create"))"
echo "journal lines kept: $(curl -s "$u/_sim/journal" | wc -l)"
jcmd "$pid" GC.run >/dev/null 2>&1 || true
echo "heap after load: $(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/used/ {print; exit}')"
rm -f "$lua"
