#!/usr/bin/env bash
# Inline vs offloaded Analyze: runs `quotewire serve` (release) with every Analyze inline on
# the event loop (--inline-analyze-bytes huge) and with every Analyze on the thread pool
# (--inline-analyze-bytes 0), for small and large articles, and reports
#   - Analyze throughput and latency (ttrpc-peer bench, c=8 over 2 connections), and
#   - the Ping latency another connection sees while that Analyze load runs (starvation).
#   scripts/bench/analyze-offload.sh     (QUOTEWIRE_GO_PEER=path skips building the peer)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
sizes=${SIZES:-1024 4096 16384 65536 524288}
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
. "$root/scripts/lib/peers.sh"
prepare_benchmark

# AnalyzeRequest files (sizes in bytes from $SIZES, default 1 KB to 512 KB), encoded with protoc from text format.
for size in $sizes; do
  python3 - "$size" >"$work/req-$size.txt" <<'PY'
import sys
size = int(sys.argv[1])
sentence = '"We will not back down," Senator Jane Doe said on Tuesday, urging Congress to act. '
body = (sentence * (size // len(sentence) + 1))[:size]
print('article { id: "bench" title: "Bench" body: "%s" }' % body.replace('"', '\\"'))
PY
  protoc -Iproto --encode quotewire.v1.AnalyzeRequest quotewire/v1/analyzer.proto <"$work/req-$size.txt" >"$work/req-$size.bin"
done

printf '%-8s %-10s %10s %9s %9s %12s %12s\n' size mode "calls/s" "p50 us" "p99 us" "ping p50" "ping p99"
for mode in inline offload; do
  threshold=0
  [ "$mode" = inline ] && threshold=1000000000
  "$bin" serve --host 127.0.0.1 --port 0 --inline-analyze-bytes "$threshold" 2>"$work/serve.log" &
  server_pid=$!
  addr=$(wait_for_address "$work/serve.log" "$quotewire_address")
  for size in $sizes; do
    calls=$((40000 * 1024 / (size + 1024)))
    [ "$calls" -lt 2000 ] && calls=2000
    "$peer" bench "$addr" -service quotewire.v1.Analyzer -method Analyze -in "$work/req-$size.bin" \
      -c 8 -connections 2 -n "$calls" -json >"$work/analyze.json" &
    load=$!
    sleep 0.2
    "$peer" bench "$addr" -c 1 -n 3000 -json >"$work/ping.json"
    wait "$load"
    python3 - "$size" "$mode" "$work/analyze.json" "$work/ping.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[3])); p = json.load(open(sys.argv[4]))
assert a["errors"] == 0 and p["errors"] == 0, (a, p)
print(f"{sys.argv[1]:<8} {sys.argv[2]:<10} {a['qps']:>10.0f} {a['p50_us']:>9.0f} {a['p99_us']:>9.0f} {p['p50_us']:>12.0f} {p['p99_us']:>12.0f}")
PY
  done
  kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
done
