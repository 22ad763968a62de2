#!/usr/bin/env bash
# Measures `vidsim serve` start-up: wall time from process start to the first served request
# (GET /_sim/health answering 200), N runs, printed as min/median/max milliseconds.
# Reference: the same JVM running an empty `java -version`, so the ratio shows vidsim's own cost.
# BENCH_JAVA_OPTS adds JVM options, e.g. those ./vidsim uses once it has made its archive:
#   BENCH_JAVA_OPTS='-XX:SharedArchiveFile=simulator/target/vidsim.jsa -Xshare:auto -Xlog:disable'
# STARTUP_JAR picks another vidsim jar.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${STARTUP_JAR:-$here/simulator/target/vidsim.jar}"
runs="${1:-10}"
[ -f "$jar" ] || mvn -B -q -ntp -f "$here/pom.xml" -pl simulator -am -DskipTests package
ms() { date +%s%3N; }
port_of() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
serve=(); jvm=()
for _ in $(seq "$runs"); do
  port=$(port_of)
  t0=$(ms)
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" serve --port "$port" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 500); do
    curl -sf "http://127.0.0.1:$port/_sim/health" >/dev/null 2>&1 && break
    sleep 0.01
  done
  serve+=($(( $(ms) - t0 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  t0=$(ms); java -version >/dev/null 2>&1; jvm+=($(( $(ms) - t0 )))
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %d  median %d  max %d ms", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "vidsim serve → first 200: $(stats "${serve[@]}")"
echo "java -version (reference): $(stats "${jvm[@]}")"
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "ratio (median): $(awk -v a="$(med "${serve[@]}")" -v b="$(med "${jvm[@]}")" 'BEGIN {printf "%.1f", a/b}')x"
