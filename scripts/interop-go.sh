#!/usr/bin/env bash
# Interop with the real Go ttrpc peer (containerd/ttrpc 1.1.1):
#  - the Go client calls `quotewire serve`: Ping (TCP and Unix socket), Health, Analyze (request encoded and
#    response decoded by our codec, and cross-checked with protoc), an unknown method and
#    service (UNIMPLEMENTED), invalid UTF-8 (INVALID_ARGUMENT naming the field), and a
#    load run with `ttrpc-peer bench` that must have zero errors;
#  - our Swift client calls the Go server's Ping (`ttrpc-peer serve`).
# Exits non-zero on any failure.
#   scripts/interop-go.sh    QUOTEWIRE_GO_PEER=/path/to/ttrpc-peer skips building the peer;
#                            without it the peer is built from ../shared/peers/ttrpc-go (or
#                            QUOTEWIRE_GO_PEER_SOURCE), and the script is skipped if that is missing,
#                            unless QUOTEWIRE_REQUIRE_INTEROP=1 (CI), which makes it fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

. "$root/scripts/lib/peers.sh"
peer=$(go_peer)
if [ -z "$peer" ]; then
  if [ "${QUOTEWIRE_REQUIRE_INTEROP:-0}" = 1 ]; then
    echo "interop: FAILED, no Go peer could be built (set QUOTEWIRE_GO_PEER or QUOTEWIRE_GO_PEER_SOURCE)" >&2
    exit 1
  fi
  echo "interop: SKIPPED, no Go peer (set QUOTEWIRE_GO_PEER or QUOTEWIRE_GO_PEER_SOURCE)"
  exit 0
fi

echo "building quotewire and the tests"
swift build --build-tests >/dev/null
bin="$(swift build --show-bin-path)/quotewire"

echo "writing requests with our codec"
QUOTEWIRE_INTEROP_DIR="$work" QUOTEWIRE_INTEROP_PHASE=write \
  swift test --skip-build --filter InteropFixtureTests/writesInteropRequests >"$work/write.log" 2>&1 \
  || { cat "$work/write.log"; echo "could not write the requests"; exit 1; }

"$bin" serve --host 127.0.0.1 --port 0 --unix "$work/quotewire.sock" 2>"$work/serve.log" &
server_pid=$!
addr=$(wait_for_address "$work/serve.log" "$quotewire_address") || { echo "quotewire serve did not start"; exit 1; }
echo "quotewire serve on $addr"

call() { # name service method in out expected-status-regex
  local out
  out=$("$peer" call "$addr" "$2" "$3" "$4" "$5" 5s 2>&1) || true
  if echo "$out" | grep -Eq "$6"; then pass "$1: $out"; else fail "$1: $out (expected $6)"; fi
}

call "Ping" quotewire.v1.Server Ping "$work/ping.req" "$work/ping.resp" '^code=OK '
unix_out=$("$peer" call "unix:$work/quotewire.sock" quotewire.v1.Server Ping "$work/ping.req" "$work/ping-unix.resp" 5s 2>&1) || true
if echo "$unix_out" | grep -q '^code=OK ' && cmp -s "$work/ping.req" "$work/ping-unix.resp"; then
  pass "Ping over the Unix socket: $unix_out"
else
  fail "Ping over the Unix socket: $unix_out"
fi
call "Health" grpc.health.v1.Health Check "$work/health.req" "$work/health.resp" '^code=OK '
call "Analyze" quotewire.v1.Analyzer Analyze "$work/analyze.req" "$work/analyze.resp" '^code=OK '
call "Info" quotewire.v1.Server Info - "$work/info.resp" '^code=OK '
call "unknown method" quotewire.v1.Server Nope - "$work/none" '^code=Unimplemented message="method Nope"'
call "unknown service" no.Such Thing - "$work/none" '^code=Unimplemented message="service no.Such"'
printf '\x0a\x03\x2a\x01\xff' >"$work/bad-utf8.req"
call "invalid UTF-8" quotewire.v1.Analyzer Analyze "$work/bad-utf8.req" "$work/none" '^code=InvalidArgument .*article\.body'

if [ -s "$work/analyze.resp" ] && QUOTEWIRE_INTEROP_DIR="$work" QUOTEWIRE_INTEROP_PHASE=check \
  swift test --skip-build --filter InteropFixtureTests/checksInteropResponses >"$work/check.log" 2>&1; then
  pass "responses decoded and checked by our codec"
else
  cat "$work/check.log" 2>/dev/null | tail -20
  fail "responses decoded and checked by our codec"
fi
if command -v protoc >/dev/null; then
  decoded=$(protoc -Iproto --decode quotewire.v1.AnalyzeResponse quotewire/v1/analyzer.proto <"$work/analyze.resp" 2>&1 || true)
  if echo "$decoded" | grep -q 'article_id: "interop-1"'; then pass "protoc decodes the Analyze response"; else fail "protoc decode: $decoded"; fi
  info=$(protoc -Iproto --decode quotewire.v1.InfoResponse quotewire/v1/analyzer.proto <"$work/info.resp" 2>&1 || true)
  if echo "$info" | grep -q 'name: "quotewire.v1.Analyzer"'; then pass "protoc decodes the Info response"; else fail "protoc decode Info: $info"; fi
fi

bench=$("$peer" bench "$addr" -c 32 -connections 2 -n 20000 -json 2>&1 || true)
if echo "$bench" | grep -q '"errors":0,'; then pass "bench: $bench"; else fail "bench: $bench"; fi

kill -TERM "$server_pid"
if wait "$server_pid"; then pass "quotewire serve drained and exited 0 on SIGTERM"; else fail "quotewire serve exit status $?"; fi
server_pid=""

if QUOTEWIRE_GO_PEER="$peer" swift test --skip-build --filter "TTRPCClientTests/callsTheGoServer" >"$work/client.log" 2>&1 \
  && grep -q "passed" "$work/client.log"; then
  pass "our Swift client calls the Go server's Ping"
else
  tail -20 "$work/client.log"
  fail "our Swift client calls the Go server's Ping"
fi

if [ "$failures" -gt 0 ]; then
  echo "interop: $failures failure(s)"
  exit 1
fi
echo "interop: all checks passed"
