#!/usr/bin/env bash
# Does vidsim hold its rate, with bounded memory, over minutes? One server (the fat jar, default
# JVM options, the shipped bounds: --max-jobs 100000, the journal's default), an accelerated
# clock so jobs start, deliver, settle and expire, and bench/compare.lua in follow mode (one
# create, then five polls of the job it made) from wrk -t2 -c50, in back-to-back windows after a
# warm-up. Per window: req/s, p50/p99, non-2xx and socket errors, RSS, heap in use, jobs held
# and forgotten, journal lines. At the end the live heap after a full GC.
#   bench/sustained.sh                 30 s warm-up, 10 windows of 30 s (5 minutes measured)
#   bench/sustained.sh --quick         10 s warm-up, 4 windows of 15 s
# SUSTAINED_JAR picks another jar. Loopback only; the server is stopped by PID.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${SUSTAINED_JAR:-$here/simulator/target/vidsim.jar}"
warmup=30; window=30; windows=10
if [ "${1:-}" = "--quick" ]; then warmup=10; window=15; windows=4; fi
command -v wrk >/dev/null || { echo "sustained: needs wrk (apt-get install wrk)" >&2; exit 2; }
[ -f "$jar" ] || mvn -B -q -ntp -f "$here/pom.xml" -pl simulator -am -DskipTests package
# shellcheck source=bench/vidsim.sh
. "$here/bench/vidsim.sh"
vidsim_start /dev/null -jar "$jar"
trap 'kill "$pid" 2>/dev/null || true' EXIT

heap_used_mb() {
  jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++)
    if ($i == "used") {v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024)}}'
}
bounds() {
  curl -s "$u/_sim/health" | python3 -c 'import json,sys; b=json.load(sys.stdin)["bounds"]
print(b["jobs"]["held"], b["jobs"]["forgotten"], b["journal"]["lines"])'
}

echo "## vidsim sustained: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c50" \
  "bench/compare.lua follow, ${warmup} s warm-up, $windows x ${window} s"
wrk -t2 -c50 -d"${warmup}s" -s "$here/bench/compare.lua" "$u" -- follow "$key" "" warm >/dev/null
echo "| window | req/s | p50 / p99 ms | non-2xx | socket errors | RSS MB | heap used MB |" \
  "jobs held | jobs forgotten | journal lines |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for w in $(seq "$windows"); do
  read -r _ n rps p50 p99 non2xx sock < <(wrk -t2 -c50 -d"${window}s" \
    -s "$here/bench/compare.lua" "$u" -- follow "$key" "" "w$w" | grep '^RESULT')
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/"$pid"/status)
  read -r held forgotten lines < <(bounds)
  echo "| $w | $rps | $p50 / $p99 | $non2xx | $sock | $rss | $(heap_used_mb) | $held |" \
    "$forgotten | $lines |"
done
jcmd "$pid" GC.run >/dev/null
echo "live heap after a full GC: $(heap_used_mb) MB; RSS" \
  "$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/"$pid"/status) MB"
