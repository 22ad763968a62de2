# Sourced by the bench scripts: starts one vidsim on a free loopback port and readies it.
#   vidsim_start LOG JAVA_ARGS... -- SERVE_ARGS...   sets pid, u (its base URL), key (a tenant
#   with a large balance) and poll (the path of one job made with it, for poll workloads)
# The server runs `serve --port P --clock accelerated --clock-factor 10000` plus SERVE_ARGS.
vidsim_start() {
  local log="$1"; shift
  local java_args=() serve_args=() port
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do java_args+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  serve_args=("$@")
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  u="http://127.0.0.1:$port"
  java "${java_args[@]}" serve --port "$port" --clock accelerated --clock-factor 10000 \
    "${serve_args[@]}" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do curl -s -o /dev/null "$u/_sim/health" && break; sleep 0.05; done
  key=$(curl -s -d '{"balance":"1000000000.00"}' "$u/_sim/tenants" | python3 -c \
    'import json,sys; print(json.load(sys.stdin)["apiKey"])')
  poll="/v1/videos/$(curl -s -H "Authorization: Bearer $key" -H 'Idempotency-Key: first' \
    -d '{"model":"clip-video","prompt":"bench"}' "$u/v1/videos" | python3 -c \
    'import json,sys; print(json.load(sys.stdin)["id"])')"
}
