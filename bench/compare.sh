#!/usr/bin/env bash
# Side-by-side throughput: bare Javalin (the ceiling), WireMock standalone (journal off and
# default) and vidsim (billing, idempotency and journal on, jobs finishing on an accelerated
# clock), one server after another with identical wrk settings (-t2 -c50) and identical requests:
#   create  POST /v1/videos, a body and a fresh Idempotency-Key each time
#   poll    GET /v1/videos/{id} of an existing (finished) job
#   mix     1 create : 5 polls
# Each server is a fresh JVM: a long warm-up first, a short one before each later workload, then
# REPS measured runs taken round-robin over the servers; the table shows medians (each column
# separately), the 1-min load average at the runs' start, RSS and live heap after all runs, server
# CPU per request, and the ratios.
# On a 2-core machine wrk shares the CPUs with the server: compare ratios within one run.
#   bench/compare.sh            full run (20 s warm-up, 3 x 10 s per workload; about 10 minutes)
#   bench/compare.sh --quick    about 2 minutes (10 s warm-up, 1 x 5 s per workload)
# BENCH_JAVA_OPTS adds the same JVM options to every server. Loopback only; servers stopped by PID.
# More vidsims in the same run (ratios robust under background load):
#   BENCH_BASELINE_JAR=PATH   "vidsim-base": another vidsim jar (e.g. a build of an older commit)
#   BENCH_LAUNCHER=1          "vidsim-launcher": ./vidsim serve, with the launcher's own JVM flags
#   BENCH_SERVERS="a b"       only these servers (default: the four above, plus those two if set)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bench="$here/bench"; out="$bench/target"
jar="$here/simulator/target/vidsim.jar"
wiremock_version=3.13.2
wm_jar="$out/wiremock-standalone-$wiremock_version.jar"
warmup_first_s=20; warmup_s=5; run_s=10; reps=3
if [ "${1:-}" = "--quick" ]; then warmup_first_s=10; warmup_s=0; run_s=5; reps=1; fi
mkdir -p "$out"
command -v wrk >/dev/null || { echo "compare: needs wrk (apt-get install wrk)" >&2; exit 2; }
[ -f "$jar" ] || mvn -B -q -ntp -f "$here/pom.xml" -pl simulator -am -DskipTests package
[ -f "$wm_jar" ] || mvn -B -q -ntp dependency:copy -DoutputDirectory="$out" \
  -Dartifact="org.wiremock:wiremock-standalone:$wiremock_version"
javac -nowarn -cp "$jar" -d "$out/bare" "$bench/BareJavalin.java"
mkdir -p "$out/wiremock/mappings"
python3 "$bench/wiremock_stubs.py" "$bench/bodies" "$out/wiremock/mappings/videos.json"
report="$out/compare-$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$report") 2>&1
# shellcheck disable=SC2206
java_opts=(${BENCH_JAVA_OPTS:-})
declare -A pid_of port_of key_of poll_of cell rps_of loads
trap 'for p in "${pid_of[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_ready() { # URL: up to 30 s
  for _ in $(seq 600); do curl -s -o /dev/null "$1" && return 0; sleep 0.05; done
  echo "compare: server did not answer $1 within 30 s" >&2; exit 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/${pid_of[$1]}/stat"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

start_server() { # NAME: sets pid_of, port_of, key_of and poll_of for it
  local name=$1 port; port=$(free_port)
  local u="http://127.0.0.1:$port" key="bench" poll="/v1/videos/vid_e7e258cb9fe6007e3100f698"
  case "$name" in
    javalin) java "${java_opts[@]}" -cp "$jar:$out/bare" BareJavalin "$port" "$bench/bodies" & ;;
    wiremock-off|wiremock-default)
      local journal=(); [ "$name" = wiremock-off ] && journal=(--no-request-journal)
      java "${java_opts[@]}" -jar "$wm_jar" --port "$port" --bind-address 127.0.0.1 \
        --root-dir "$out/wiremock" --disable-banner "${journal[@]}" & ;;
    # --max-jobs above every create a full run makes (~300k): the job the poll and mix runs
    # read, made first, would otherwise be the first finished job the full store forgets
    vidsim|vidsim-base)
      local j="$jar"; [ "$name" = vidsim-base ] && j="$BENCH_BASELINE_JAR"
      java "${java_opts[@]}" -jar "$j" serve --port "$port" \
        --clock accelerated --clock-factor 10000 --max-jobs 2000000 & ;;
    vidsim-launcher) "$here/vidsim" serve --port "$port" \
        --clock accelerated --clock-factor 10000 --max-jobs 2000000 & ;;
  esac
  pid_of[$name]=$!; port_of[$name]=$port
  if [[ "$name" = vidsim* ]]; then
    wait_ready "$u/_sim/health"
    key=$(curl -s -d '{"balance":"100000000.00"}' "$u/_sim/tenants" | python3 -c \
      'import json,sys; print(json.load(sys.stdin)["apiKey"])')
    poll="/v1/videos/$(curl -s -H "Authorization: Bearer $key" -H 'Idempotency-Key: first' \
      -d '{"model":"clip-video","prompt":"bench"}' "$u/v1/videos" | python3 -c \
      'import json,sys; print(json.load(sys.stdin)["id"])')"
  else
    wait_ready "$u$poll"
  fi
  key_of[$name]=$key; poll_of[$name]=$poll
} >"$out/server-$1.log" 2>&1

load() { # SERVER MODE SECONDS RUN_ID -> RESULT line
  wrk -t2 -c50 -d"$3s" -s "$bench/compare.lua" "http://127.0.0.1:${port_of[$1]}" \
    -- "$2" "${key_of[$1]}" "${poll_of[$1]}" "$4" | awk '/^RESULT/'
}

# All servers start up front and stay up; only one is under load at a time. The measured runs
# go round-robin over the servers, so a background build slows every server alike instead of
# whichever happened to run during it.
servers=(javalin wiremock-off wiremock-default vidsim)
[ -n "${BENCH_BASELINE_JAR:-}" ] && servers+=(vidsim-base)
[ "${BENCH_LAUNCHER:-}" = 1 ] && servers+=(vidsim-launcher)
# shellcheck disable=SC2206
[ -n "${BENCH_SERVERS:-}" ] && servers=(${BENCH_SERVERS})
modes=(create poll mix)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
for name in "${servers[@]}"; do start_server "$name"; done
for name in "${servers[@]}"; do load "$name" mix "$warmup_first_s" "w$(date +%s%N)" >/dev/null; done
for mode in "${modes[@]}"; do
  declare -A r=() p50=() p99=() bad=() cpu=()
  if [ "$warmup_s" -gt 0 ]; then
    for name in "${servers[@]}"; do load "$name" "$mode" "$warmup_s" "w$(date +%s%N)" >/dev/null; done
  fi
  for rep in $(seq "$reps"); do
    for name in "${servers[@]}"; do
      loads[$name]+="$(cut -d' ' -f1 /proc/loadavg) "
      t0=$(cpu_ticks "$name")
      read -r _ n rate a b s e < <(load "$name" "$mode" "$run_s" "r$(date +%s%N)")
      t1=$(cpu_ticks "$name")
      r[$name]+="$rate "; p50[$name]+="$a "; p99[$name]+="$b "; bad[$name]+="$((s + e)) "
      cpu[$name]+="$(awk -v t="$((t1 - t0))" -v n="$n" 'BEGIN {printf "%.0f", t*1e4/n}') "
    done
  done
  for name in "${servers[@]}"; do
    # shellcheck disable=SC2086
    rps_of[$name.$mode]=$(median ${r[$name]})
    # shellcheck disable=SC2086
    cell[$name.$mode]="${rps_of[$name.$mode]} | $(median ${p50[$name]}) / $(median ${p99[$name]})\
 | $(median ${cpu[$name]}) | $(median ${bad[$name]})"
  done
  unset r p50 p99 bad cpu
done
for name in "${servers[@]}"; do
  p=${pid_of[$name]}
  rss_mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$p/status") / 1024 ))
  jcmd "$p" GC.run >/dev/null 2>&1 || true
  live_mb=$(jcmd "$p" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++)
    if ($i=="used") {sub("K","",$(i+1)); print int($(i+1)/1024); exit}}')
  # shellcheck disable=SC2086
  cell[$name.mem]="$rss_mb MB | ${live_mb:-?} MB | $(median ${loads[$name]})"
  kill "$p"; wait "$p" 2>/dev/null || true
done
pid_of=()

jdk=$(java -version 2>&1 | head -1)
echo "## vidsim compare: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $jdk"
echo "wrk -t2 -c50; warm-up ${warmup_first_s} s first, ${warmup_s} s per workload;"\
  "${reps} x ${run_s} s runs round-robin over the servers, medians"
echo
echo "| server | workload | req/s | p50 / p99 ms | CPU µs/req | errors |"
echo "|---|---|---|---|---|---|"
for name in "${servers[@]}"; do
  for mode in "${modes[@]}"; do echo "| $name | $mode | ${cell[$name.$mode]} |"; done
done
echo
echo "| server | RSS after | live heap after | 1-min load average (median at run start) |"
echo "|---|---|---|---|"
for name in "${servers[@]}"; do echo "| $name | ${cell[$name.mem]} |"; done
echo
echo "| ratio (req/s) | create | poll | mix |"
echo "|---|---|---|---|"
ratio() { awk -v a="${rps_of[vidsim.$2]}" -v b="${rps_of[$1.$2]}" 'BEGIN {printf "%.2f", a/b}'; }
for peer in wiremock-default wiremock-off javalin vidsim-base vidsim-launcher; do
  [[ " ${servers[*]} " = *" $peer "* ]] && [[ " ${servers[*]} " = *" vidsim "* ]] || continue
  echo "| vidsim / $peer | $(ratio "$peer" create) | $(ratio "$peer" poll) | $(ratio "$peer" mix) |"
done
echo
echo "load average (1/5/15 min) at start: $load_at_start, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "report saved in bench/target/"
