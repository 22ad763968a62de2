#!/usr/bin/env bash
# What --data-dir costs: the create rate (POST /v1/videos, a fresh Idempotency-Key each, wrk -t2
# -c50, bench/compare.lua mode create) of the simulator in memory and with each --fsync policy,
# on an accelerated clock (jobs finish, the store never fills). Fresh JVMs from the fat jar, one
# at a time; then the time a restart takes to replay the log the run left.
#   bench/durable.sh           10 s warm-up, 10 s measured per configuration
#   bench/durable.sh --quick   3 s warm-up, 5 s measured
# Loopback only; servers stopped by PID; data directories under bench/target.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bench="$here/bench"; out="$bench/target"; jar="$here/simulator/target/vidsim.jar"
warmup_s=10; run_s=10
if [ "${1:-}" = "--quick" ]; then warmup_s=3; run_s=5; fi
command -v wrk >/dev/null || { echo "durable: needs wrk (apt-get install wrk)" >&2; exit 2; }
[ -f "$jar" ] || mvn -B -q -ntp -f "$here/pom.xml" -pl simulator -am -DskipTests package
mkdir -p "$out"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
start() { # NAME ARGS... -> sets pid, url
  local name=$1; shift; port=$(free_port); url="http://127.0.0.1:$port"
  java -jar "$jar" serve --port "$port" --clock accelerated --clock-factor 10000 "$@" \
    >"$out/durable-$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1200); do curl -s -o /dev/null "$url/_sim/health" && break; sleep 0.05; done
}
printf '| configuration | creates/s | p50 ms | p99 ms | non-2xx | log size |\n|---|---|---|---|---|---|\n'
for config in memory never interval always; do
  dir="$out/durable-data-$config"; rm -rf "$dir"
  if [ "$config" = memory ]; then start "$config"; else start "$config" --data-dir "$dir" --fsync "$config"; fi
  key=$(curl -s -d '{"balance":"100000000.00"}' "$url/_sim/tenants" | python3 -c \
    'import json,sys; print(json.load(sys.stdin)["apiKey"])')
  wrk -t2 -c50 -d"${warmup_s}s" -s "$bench/compare.lua" "$url" -- create "$key" /unused w >/dev/null
  read -r _ _ rate p50 p99 non2xx _ < <(wrk -t2 -c50 -d"${run_s}s" -s "$bench/compare.lua" "$url" \
    -- create "$key" /unused r | awk '/^RESULT/')
  size=$([ "$config" = memory ] && echo - || du -h "$dir/vidsim.log" | cut -f1)
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  printf '| %s | %s | %s | %s | %s | %s |\n' "$config" "$rate" "$p50" "$p99" "$non2xx" "$size"
done
# the restart after the last run (kill -9 above): how long the replay of its log takes
start replay --data-dir "$out/durable-data-always"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
grep 'data dir' "$out/durable-replay.log"
# the same without HTTP: the engine's create commands in process, each policy, 8 threads
echo
java -cp "$jar" "$bench/DurableCost.java" "$run_s" 8
