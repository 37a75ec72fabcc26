#!/usr/bin/env bash
# Interop with the real Rust ttrpc peer (ttrpc-rust 0.5.2, Debian's crates):
#  - the Rust client calls `quotewire serve`: Ping (TCP and Unix socket), Health, Analyze (request
#    encoded and response decoded by our codec), an unknown method (UNIMPLEMENTED), invalid UTF-8
#    (INVALID_ARGUMENT naming the field), and `ttrpc-rust-peer bench` over TCP and over the Unix
#    socket, each with zero errors;
#  - our client (`quotewire load --method ping`) calls the Rust server over TCP and a Unix socket,
#    with zero failed calls.
# Exits non-zero on any failure.
#   scripts/interop-rust.sh   QUOTEWIRE_RUST_PEER=/path/to/ttrpc-rust-peer skips building the peer;
#                             without it the peer is built from ../shared/peers/ttrpc-rust (or
#                             QUOTEWIRE_RUST_PEER_SOURCE; ~3 minutes). Without a peer the script
#                             is skipped, or fails with QUOTEWIRE_REQUIRE_PEERS=1 (as in CI).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/scripts/lib/peers.sh"
. "$root/scripts/lib/interop.sh"
echo "building the Rust peer"
peer=$(rust_peer)
require_peer "$peer" Rust "set QUOTEWIRE_RUST_PEER or QUOTEWIRE_RUST_PEER_SOURCE"

interop_prepare
interop_start_server

# ttrpc-rust-peer prints `code=N name=NAME message="..." response_bytes=B`.
basic_calls '^code=0 name=OK '
call "unknown method" quotewire.v1.Server Nope - - '^code=12 name=UNIMPLEMENTED message="method Nope"'
call "unknown service" no.Such Thing - - '^code=12 name=UNIMPLEMENTED message="service no.Such"'
printf '\x0a\x03\x2a\x01\xff' >"$work/bad-utf8.req"
call "invalid UTF-8" quotewire.v1.Analyzer Analyze "$work/bad-utf8.req" - '^code=3 name=INVALID_ARGUMENT .*article\.body'
interop_check_responses

for target in "$addr" "unix:$work/quotewire.sock"; do
  bench=$("$peer" bench "$target" --calls 20000 --concurrency 16 --connections 2 --max-seconds 60 2>&1 || true)
  if echo "$bench" | grep -q '"calls":20000,"errors":0,'; then pass "bench on $target: $bench"; else fail "bench on $target: $bench"; fi
done
interop_stop_server

# Our client against the Rust server, over TCP and over a Unix socket.
for listen in 127.0.0.1:0 "unix:$work/rust.sock"; do
  "$peer" serve "$listen" --max-seconds 120 >"$work/rust-serve.log" 2>&1 &
  server_pid=$!
  rust_addr=$(wait_for_address "$work/rust-serve.log" 's/^listening \(.*\)$/\1/p') || { fail "the Rust server did not start"; continue; }
  if "$bin" load --server "$rust_addr" --method ping --requests 5000 --concurrency 8 --json >"$work/load.json" 2>"$work/load.log" \
    && grep -q '"calls":5000,"succeeded":5000,"failed":0,' <(tr -d ' \n' <"$work/load.json"); then
    pass "quotewire load --method ping against the Rust server on $rust_addr: 5000 calls, 0 failed"
  else
    fail "quotewire load against the Rust server on $rust_addr: $(cat "$work/load.json" "$work/load.log" | head -c 600)"
  fi
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
done

interop_finish Rust
