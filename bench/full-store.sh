#!/usr/bin/env bash
# What a full job store costs: the create rate of a simulator whose store is full of unfinished
# jobs (every create a 503 simulator_full) beside one that accepts creates (jobs finish on an
# accelerated clock, so its store never fills), with identical wrk settings (-t2 -c50) and
# requests (bench/compare.lua, mode create). Both fresh JVMs from the fat jar, measured
# round-robin; the table shows medians and the ratio full/accepting.
#   bench/full-store.sh           20 s warm-up, 3 x 10 s each (about 2 minutes)
#   bench/full-store.sh --quick   5 s warm-up, 1 x 5 s each
# Loopback only; servers stopped by PID.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bench="$here/bench"; out="$bench/target"; jar="$here/simulator/target/vidsim.jar"
warmup_s=20; run_s=10; reps=3
if [ "${1:-}" = "--quick" ]; then warmup_s=5; run_s=5; reps=1; fi
command -v wrk >/dev/null || { echo "full-store: needs wrk (apt-get install wrk)" >&2; exit 2; }
[ -f "$jar" ] || mvn -B -q -ntp -f "$here/pom.xml" -pl simulator -am -DskipTests package
mkdir -p "$out"
declare -A pid_of port_of key_of
trap 'for p in "${pid_of[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
start() { # NAME ARGS...
  local name=$1; shift; local port; port=$(free_port); local u="http://127.0.0.1:$port"
  java -jar "$jar" serve --port "$port" "$@" >"$out/full-store-$name.log" 2>&1 &
  pid_of[$name]=$!; port_of[$name]=$port
  for _ in $(seq 600); do curl -s -o /dev/null "$u/_sim/health" && break; sleep 0.05; done
  key_of[$name]=$(curl -s -d '{"balance":"100000000.00"}' "$u/_sim/tenants" | python3 -c \
    'import json,sys; print(json.load(sys.stdin)["apiKey"])')
}
load() { # NAME SECONDS RUN_ID -> RESULT requests req/s p50 p99 non2xx errors
  wrk -t2 -c50 -d"$2s" -s "$bench/compare.lua" "http://127.0.0.1:${port_of[$1]}" \
    -- create "${key_of[$1]}" /unused "$3" | awk '/^RESULT/'
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/${pid_of[$1]}/stat"; }

start accepting --clock accelerated --clock-factor 10000
start full --clock virtual --max-jobs 1000
held() {
  curl -s "http://127.0.0.1:${port_of[full]}/_sim/health" | python3 -c \
    'import json,sys; b=json.load(sys.stdin)["bounds"]["jobs"]; print(b["unfinished"], b["max"])'
}
for i in $(seq 30); do # fill the store: nothing finishes on the virtual clock
  read -r unfinished max < <(held)
  [ "$unfinished" -ge "$max" ] && break
  load full 2 "fill$i" >/dev/null
done
for name in accepting full; do load "$name" "$warmup_s" "w$name" >/dev/null; done
held=$(held)
declare -A rate p50 p99 non2xx cpu
for rep in $(seq "$reps"); do
  for name in accepting full; do
    t0=$(cpu_ticks "$name")
    read -r _ n r a b s e < <(load "$name" "$run_s" "r$rep$name")
    t1=$(cpu_ticks "$name")
    rate[$name]+="$r "; p50[$name]+="$a "; p99[$name]+="$b "; non2xx[$name]+="$s "
    cpu[$name]+="$(awk -v t="$((t1 - t0))" -v n="$n" 'BEGIN {printf "%.0f", t*1e4/n}') "
  done
done
echo "full store: $held (unfinished, max) before the measured runs; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| server | create req/s | p50 / p99 ms | CPU us/req | non-2xx (median) |"
echo "|---|---|---|---|---|"
for name in accepting full; do
  # shellcheck disable=SC2086
  echo "| $name | $(median ${rate[$name]}) | $(median ${p50[$name]}) / $(median ${p99[$name]}) |\
 $(median ${cpu[$name]}) | $(median ${non2xx[$name]}) |"
done
# shellcheck disable=SC2086
awk -v f="$(median ${rate[full]})" -v a="$(median ${rate[accepting]})" \
  'BEGIN {printf "full / accepting create rate: %.2f\n", f / a}'
