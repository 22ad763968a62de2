#!/usr/bin/env bash
# A JFR profile of one vidsim workload (create, poll or mix: bench/compare.lua), summarised into
# its top frames: by the innermost frame (self) and by the vidsim frames a sample passes through
# (inclusive), as shares of all execution samples.
#   bench/profile.sh [MODE] [SECONDS]     default: create 30 (after a 15 s warm-up)
# PROFILE_JAR picks another vidsim jar (e.g. an older build). Loopback only; stopped by PID.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bench="$here/bench"; out="$bench/target"
jar="${PROFILE_JAR:-$here/simulator/target/vidsim.jar}"
mode="${1:-create}"; seconds="${2:-30}"
mkdir -p "$out"
jfr_file="$out/profile-$mode.jfr"; rm -f "$jfr_file"
# shellcheck source=bench/vidsim.sh
. "$bench/vidsim.sh"
vidsim_start "$out/profile-server.log" \
  -XX:StartFlightRecording=settings=profile,filename="$jfr_file" -jar "$jar"
trap 'kill "$pid" 2>/dev/null || true' EXIT
wrk -t2 -c50 -d"${PROFILE_WARMUP:-15}s" -s "$bench/compare.lua" "$u" -- "$mode" "$key" "$poll" warm >/dev/null
jcmd "$pid" JFR.stop name=1 >/dev/null
jcmd "$pid" JFR.start name=p settings=profile filename="$jfr_file" >/dev/null
wrk -t2 -c50 -d"${seconds}s" -s "$bench/compare.lua" "$u" -- "$mode" "$key" "$poll" run \
  | awk '/^RESULT/ {print "load: " $3 " req/s, p50 " $4 " ms, p99 " $5 " ms, " $6+$7 " errors"}'
jcmd "$pid" JFR.stop name=p >/dev/null
kill "$pid"; wait "$pid" 2>/dev/null || true
jfr print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" \
  | python3 "$bench/top_frames.py" 25
