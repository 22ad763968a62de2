#!/usr/bin/env bash
# Before/after of two vidsim jars, one server at a time: A, B, A, B, ... each a fresh JVM, warmed
# up, then measured alone with the same wrk command (bench/compare.lua). compare.sh keeps its
# servers up side by side, and an idle vidsim on an accelerated clock still expires the jobs it
# made (its ticker), so two vidsims in one compare.sh run slow each other down unequally; here
# nothing else of ours runs while a jar is measured.
#   bench/ab.sh A.jar B.jar [MODE] [ROUNDS]     MODE create|poll|mix (default create), ROUNDS 3
# Prints per run: req/s, server user and system CPU per request (from /proc/PID/stat), context
# switches per request, the CPU share of the JIT and GC threads and wrk's p99 latency; then the
# medians and B/A.
# AB_WARMUP (s, default 30: the JIT settles after about 25 s of creates) and AB_SECONDS (15).
# AB_JAVA_A and AB_JAVA_B add JVM options to one side (the same jar twice compares options).
# Loopback only; servers stopped by PID.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
a="$1"; b="$2"; mode="${3:-create}"; rounds="${4:-3}"
warmup="${AB_WARMUP:-30}"; seconds="${AB_SECONDS:-15}"
command -v wrk >/dev/null || { echo "ab: needs wrk (apt-get install wrk)" >&2; exit 2; }
hz=$(getconf CLK_TCK)
# shellcheck source=bench/vidsim.sh
. "$here/bench/vidsim.sh"

thread_cpu() { # ticks per thread kind (JIT, GC, the rest) of process $1
  for t in /proc/"$1"/task/*; do
    echo "$(tr ' ' '_' <"$t/comm") $(awk '{print $14 + $15}' "$t/stat")"
  done | awk '{k = $1 ~ /Compiler/ ? "jit" : ($1 ~ /^G1|^GC/ ? "gc" : "rest"); s[k] += $2}
    END {print s["jit"] + 0, s["gc"] + 0, s["rest"] + 0}'
}

measure() { # jar label
  local jar="$1" label="$2" u pid key poll opts
  opts="AB_JAVA_$label"
  # shellcheck disable=SC2086
  vidsim_start /dev/null ${!opts:-} -jar "$jar" -- --max-jobs 2000000
  wrk -t2 -c50 -d"${warmup}s" -s "$here/bench/compare.lua" "$u" -- "$mode" "$key" "$poll" warm \
    >/dev/null
  read -r ut0 st0 < <(awk '{print $14, $15}' /proc/"$pid"/stat)
  read -r jit0 gc0 rest0 < <(thread_cpu "$pid")
  cs0=$(cat /proc/"$pid"/task/*/status | awk '/ctxt_switches/ {s += $2} END {print s}')
  read -r rps p99 < <(wrk -t2 -c50 -d"${seconds}s" -s "$here/bench/compare.lua" "$u" -- "$mode" \
    "$key" "$poll" run | awk '/^RESULT/ {print $3, $5}')
  read -r ut1 st1 < <(awk '{print $14, $15}' /proc/"$pid"/stat)
  read -r jit1 gc1 rest1 < <(thread_cpu "$pid")
  cs1=$(cat /proc/"$pid"/task/*/status | awk '/ctxt_switches/ {s += $2} END {print s}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  python3 - "$label" "$rps" "$p99" "$seconds" "$hz" "$ut0" "$ut1" "$st0" "$st1" "$cs0" "$cs1" \
    "$jit0" "$jit1" "$gc0" "$gc1" "$rest0" "$rest1" <<'PY'
import sys
label, rps, p99 = sys.argv[1], float(sys.argv[2]), sys.argv[3]
secs, hz = float(sys.argv[4]), float(sys.argv[5])
ut0, ut1, st0, st1, cs0, cs1, j0, j1, g0, g1, r0, r1 = map(float, sys.argv[6:])
n = rps * secs
cpu = (j1 - j0) + (g1 - g0) + (r1 - r0) or 1
print(f"{label} {rps:.0f} {(ut1 - ut0) * 1e6 / hz / n:.0f} {(st1 - st0) * 1e6 / hz / n:.0f}"
      f" {(cs1 - cs0) / n:.2f} {100 * (j1 - j0) / cpu:.0f} {100 * (g1 - g0) / cpu:.0f} {p99}")
PY
}

echo "## vidsim A/B: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $mode, wrk -t2 -c50," \
  "${warmup} s warm-up, ${seconds} s measured, $rounds rounds"
echo "A = $a ${AB_JAVA_A:-}"; echo "B = $b ${AB_JAVA_B:-}"
echo "| jar | req/s | user µs/req | sys µs/req | ctx switches/req | JIT % | GC % | p99 ms |"
echo "|---|---|---|---|---|---|---|---|"
results=()
for _ in $(seq "$rounds"); do
  for side in A B; do
    jar=$a; [ "$side" = B ] && jar=$b
    line=$(measure "$jar" "$side")
    results+=("$line")
    echo "$line" | awk '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}'
  done
done
printf '%s\n' "${results[@]}" | python3 -c '
import sys, statistics
rows = [l.split() for l in sys.stdin if l.strip()]
med = {s: [statistics.median(float(r[i]) for r in rows if r[0] == s) for i in (1, 2, 3, 7)]
       for s in ("A", "B")}
for s in ("A", "B"):
    print(f"median {s}: {med[s][0]:.0f} req/s, user {med[s][1]:.0f} + sys {med[s][2]:.0f} µs/req,"
          f" p99 {med[s][3]:.1f} ms")
a, b = med["A"], med["B"]
print(f"B/A: rate {b[0] / a[0]:.2f}x, CPU per request {(b[1] + b[2]) / (a[1] + a[2]):.2f}x,"
      f" p99 {b[3] / a[3]:.2f}x")'
