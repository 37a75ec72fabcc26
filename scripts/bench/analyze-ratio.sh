#!/usr/bin/env bash
# End-to-end Analyze against the analysis core alone, on the same cores, in one run.
# Alternates, ROUNDS times:
#   core: quotewire bench analysis CORPUS --threads $(nproc)   (steady state: a warm-up pass first)
#   e2e:  quotewire load --method analyze --articles CORPUS at c=64 over 4 connections
#         against one quotewire serve (release), with the CPU each process spent per call
# and prints every round, then the median ratio e2e / core. Alternating rounds and taking the
# median is what makes the ratio meaningful on a shared, noisy machine.
#   scripts/bench/analyze-ratio.sh [BIN]   env: CORPUS (default ../shared/corpus/polnear/dev/text),
#                                          ROUNDS (default 5), CALLS (per e2e round, default 40000)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
corpus=${CORPUS:-$root/../shared/corpus/polnear/dev/text}
rounds=${ROUNDS:-5}
calls=${CALLS:-40000}
work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill -TERM "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
. "$root/scripts/lib/peers.sh"

if [ $# -ge 1 ]; then
  bin=$1
else
  swift build -c release --product quotewire >/dev/null
  bin="$(swift build -c release --show-bin-path)/quotewire"
fi
[ -d "$corpus" ] || { echo "analyze-ratio: no corpus at $corpus (set CORPUS)" >&2; exit 66; }
json() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {"d": d}))' "$1"; }
# CPU seconds (user + system) a process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$1/stat"; }
# Runs a command; prints the CPU seconds (user + system) it used on standard error.
child_cpu_seconds() {
  python3 -c 'import resource, subprocess, sys
status = subprocess.call(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{usage.ru_utime + usage.ru_stime:.3f}", file=sys.stderr)
sys.exit(status)' "$@"
}

"$bin" serve --port 0 2>"$work/serve.log" &
server=$!
address=$(wait_for_address "$work/serve.log" "$quotewire_address")
"$bin" load --server "$address" --method analyze --articles "$corpus" --requests 5000 --concurrency 64 \
  --connections 4 >/dev/null

# Enough passes over the corpus for about as many articles as an e2e round has calls.
articles=$(find "$corpus" -maxdepth 1 -name '*.txt' | wc -l)
passes=$(( calls / articles + 1 ))
printf '%-6s %12s %12s %7s %16s %16s\n' round core/s e2e/s ratio server-µs/call client-µs/call
: >"$work/ratios"
for round in $(seq 1 "$rounds"); do
  core=$("$bin" bench analysis "$corpus" --threads "$(nproc)" --repeat "$passes" --json | json 'd["articlesPerSecond"]')
  before=$(cpu_seconds "$server")
  child_cpu_seconds "$bin" load --server "$address" --method analyze --articles "$corpus" --requests "$calls" \
    --concurrency 64 --connections 4 --json >"$work/e2e.json" 2>"$work/client-cpu"
  after=$(cpu_seconds "$server")
  e2e=$(json 'd["callsPerSecond"]' <"$work/e2e.json")
  failed=$(json 'd["failed"]' <"$work/e2e.json")
  [ "$failed" = 0 ] || { echo "analyze-ratio: $failed calls failed" >&2; exit 1; }
  server_us=$(python3 -c "print(round(($after - $before) * 1e6 / $calls))")
  client_us=$(python3 -c "print(round($(cat "$work/client-cpu") * 1e6 / $calls))")
  ratio=$(python3 -c "print(f'{$e2e / $core:.3f}')")
  echo "$ratio" >>"$work/ratios"
  printf '%-6s %12s %12s %7s %16s %16s\n' "$round" "$core" "$e2e" "$ratio" "$server_us" "$client_us"
done
echo "median ratio $(sort -n "$work/ratios" | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')"
