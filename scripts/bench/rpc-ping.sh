#!/usr/bin/env bash
# Ping benchmark: the real Go ttrpc client (`ttrpc-peer bench`) against `quotewire serve`
# (release build) and against the Go ttrpc server (`ttrpc-peer serve`), alternating run by
# run so that both see the same machine load. Prints calls/s, p50 and p99 (medians over the
# rounds) and the Quotewire/Go ratios.
#   scripts/bench/rpc-ping.sh [ROUNDS]     (default 3; QUOTEWIRE_GO_PEER=path skips building the peer)
#   env: N1 (calls at c=1, default 20000), N (calls at c=32 and c=64, default 100000), THREADS (quotewire --threads)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rounds=${1:-3}
n1=${N1:-20000}
n=${N:-100000}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

. "$root/scripts/lib/peers.sh"
prepare_benchmark

"$bin" serve --host 127.0.0.1 --port 0 ${THREADS:+--threads "$THREADS"} 2>"$work/q.log" &
pids+=($!)
"$peer" serve 127.0.0.1:0 >"$work/go.log" 2>&1 &
pids+=($!)
q=$(wait_for_address "$work/q.log" "$quotewire_address")
g=$(wait_for_address "$work/go.log" 's/^listening \(.*\)$/\1/p')
echo "quotewire on $q, go ttrpc on $g, $rounds rounds, $(nproc) cores" >&2

# warm-up
"$peer" bench "$q" -c 8 -n 20000 >/dev/null
"$peer" bench "$g" -c 8 -n 20000 >/dev/null

configs=("c=1 1 1 $n1" "c=32 32 1 $n" "c=64/4conns 64 4 $n")
for round in $(seq 1 "$rounds"); do
  for config in "${configs[@]}"; do
    read -r name c conns calls <<<"$config"
    for server in quotewire go; do
      addr=$q; [ "$server" = go ] && addr=$g
      result=$("$peer" bench "$addr" -c "$c" -connections "$conns" -n "$calls" -json)
      echo "$name $server $result" >>"$work/results"
      echo "round $round $name $server $result" >&2
    done
  done
done

python3 - "$work/results" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, server, payload = line.split(" ", 2)
    rows.setdefault(name, {}).setdefault(server, []).append(json.loads(payload))
print(f"{'config':<13}{'server':<11}{'calls/s':>10}{'p50 us':>9}{'p99 us':>9}{'errors':>8}")
summary = []
for name in ["c=1", "c=32", "c=64/4conns"]:
    med = {}
    for server in ["quotewire", "go"]:
        runs = rows[name][server]
        med[server] = {k: statistics.median(r[k] for r in runs) for k in ("qps", "p50_us", "p99_us")}
        errors = sum(r["errors"] for r in runs)
        print(f"{name:<13}{server:<11}{med[server]['qps']:>10.0f}{med[server]['p50_us']:>9.0f}{med[server]['p99_us']:>9.0f}{errors:>8}")
    summary.append((name, med["quotewire"]["qps"] / med["go"]["qps"], med["quotewire"]["p99_us"] / max(1, med["go"]["p99_us"])))
print()
print(f"{'config':<13}{'qps Q/Go':>10}{'p99 Q/Go':>10}")
for name, qps, p99 in summary:
    print(f"{name:<13}{qps:>10.2f}{p99:>10.2f}")
PY
