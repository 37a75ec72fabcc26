#!/usr/bin/env bash
# TLS against plaintext, same run: Ping and Analyze throughput and the server's CPU per call, with
# servers side by side (plaintext and TLS of this build, and optionally BASELINE_BIN: another
# build's plaintext server, e.g. main's, to see what the tracing and identity hooks cost without a
# tracer), each load run alternating over them ROUNDS times. Release builds; loopback only.
#   scripts/bench/tls.sh [ROUNDS] [PING_CALLS] [ANALYZE_CALLS]    BASELINE_BIN=/path/to/quotewire
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rounds=${1:-3}
ping_calls=${2:-50000}
analyze_calls=${3:-5000}
swift build -c release --product quotewire >/dev/null
bin=.build/release/quotewire
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
scripts/make-test-certs.sh "$work/certs"

start() { # NAME BINARY [FLAGS...]
  local name=$1 binary=$2
  shift 2
  "$binary" serve --port 0 --threads 2 "$@" 2>"$work/$name.log" &
  pids+=($!)
  echo $! >"$work/$name.pid"
  for _ in $(seq 200); do grep -q "serving ttrpc on" "$work/$name.log" && break; sleep 0.05; done
  sed -n 's/.*serving ttrpc on \(127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/$name.log" >"$work/$name.addr"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start plain "$bin"
start tls "$bin" --tls-cert "$work/certs/server.pem" --tls-key "$work/certs/server.key"
servers=(plain tls)
if [ -n "${BASELINE_BIN:-}" ]; then start baseline "$BASELINE_BIN"; servers+=(baseline); fi
ticks_per_second=$(getconf CLK_TCK)

run() { # SERVER WORKLOAD CALLS
  local server=$1 pid target before after out
  pid=$(cat "$work/$server.pid")
  target=$(cat "$work/$server.addr")
  local tls=()
  [ "$server" = tls ] && { target="tls:$target"; tls=(--tls-ca "$work/certs/ca.pem"); }
  local workload=(--method ping)
  [ "$2" = analyze ] && workload=(--method analyze --synthetic 4000)
  before=$(cpu_ticks "$pid")
  out=$("$bin" load --server "$target" "${tls[@]}" "${workload[@]}" --requests "$3" --concurrency 32 \
    --connections 2 --warmup 1s --json)
  after=$(cpu_ticks "$pid")
  python3 - "$server" "$2" "$3" "$((after - before))" "$ticks_per_second" "$out" <<'PY'
import json, sys
server, workload, calls, ticks, hz, out = sys.argv[1:]
report = json.loads(out)
cpu_us = int(ticks) / int(hz) * 1e6 / int(calls)
print(f"{workload:8} {server:9} {report['callsPerSecond']:>9.0f} calls/s  p99 {report['latencyMicros']['p99']:>6} us"
      f"  server CPU {cpu_us:6.1f} us/call  failed {report['failed']}")
PY
}

for round in $(seq "$rounds"); do
  echo "round $round"
  for server in "${servers[@]}"; do run "$server" ping "$ping_calls"; done
  for server in "${servers[@]}"; do run "$server" analyze "$analyze_calls"; done
done
