#!/usr/bin/env bash
# Interop with the real Go ttrpc peer (containerd/ttrpc 1.1.1):
#  - the Go client calls `quotewire serve`: Ping (TCP and Unix socket), Health, Analyze (request encoded and
#    response decoded by our codec, and cross-checked with protoc), an unknown method and
#    service (UNIMPLEMENTED), invalid UTF-8 (INVALID_ARGUMENT naming the field), and a
#    load run with `ttrpc-peer bench` that must have zero errors;
#  - our Swift client calls the Go server's Ping (`ttrpc-peer serve`);
#  - TLS and mutual TLS (throw-away certificates from scripts/make-test-certs.sh): the Go client
#    (tls:host:port, TTRPC_PEER_TLS_*) calls Ping, Health, Analyze and runs `bench` with zero errors
#    against `quotewire serve --tls-*`; a plaintext Go client on the TLS port is told to use TLS;
#    under mutual TLS a client without a certificate, or with another CA's, is refused.
# Exits non-zero on any failure.
#   scripts/interop-go.sh    QUOTEWIRE_GO_PEER=/path/to/ttrpc-peer skips building the peer;
#                            without it the peer is built from ../shared/peers/ttrpc-go (or
#                            QUOTEWIRE_GO_PEER_SOURCE), and the script is skipped if that is missing,
#                            unless QUOTEWIRE_REQUIRE_PEERS=1 (CI), which makes it fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/scripts/lib/peers.sh"
. "$root/scripts/lib/interop.sh"
peer=$(go_peer)
require_peer "$peer" Go "set QUOTEWIRE_GO_PEER or QUOTEWIRE_GO_PEER_SOURCE"

interop_prepare
interop_start_server

basic_calls '^code=OK '
call "Info" quotewire.v1.Server Info - "$work/info.resp" '^code=OK '
call "unknown method" quotewire.v1.Server Nope - "$work/none" '^code=Unimplemented message="method Nope"'
call "unknown service" no.Such Thing - "$work/none" '^code=Unimplemented message="service no.Such"'
printf '\x0a\x03\x2a\x01\xff' >"$work/bad-utf8.req"
call "invalid UTF-8" quotewire.v1.Analyzer Analyze "$work/bad-utf8.req" "$work/none" '^code=InvalidArgument .*article\.body'

interop_check_responses
if command -v protoc >/dev/null; then
  decoded=$(protoc -Iproto --decode quotewire.v1.AnalyzeResponse quotewire/v1/analyzer.proto <"$work/analyze.resp" 2>&1 || true)
  if echo "$decoded" | grep -q 'article_id: "interop-1"'; then pass "protoc decodes the Analyze response"; else fail "protoc decode: $decoded"; fi
  info=$(protoc -Iproto --decode quotewire.v1.InfoResponse quotewire/v1/analyzer.proto <"$work/info.resp" 2>&1 || true)
  if echo "$info" | grep -q 'name: "quotewire.v1.Analyzer"'; then pass "protoc decodes the Info response"; else fail "protoc decode Info: $info"; fi
fi

bench=$("$peer" bench "$addr" -c 32 -connections 2 -n 20000 -json 2>&1 || true)
if echo "$bench" | grep -q '"errors":0,'; then pass "bench: $bench"; else fail "bench: $bench"; fi

interop_stop_server

# TLS: the Go client dials tls:host:port and verifies the server against the test CA.
certs="$work/certs"
scripts/make-test-certs.sh "$certs"
tls_calls() { # LABEL
  call "$1 Ping" quotewire.v1.Server Ping "$work/ping.req" "$work/ping.resp" '^code=OK '
  call "$1 Health" grpc.health.v1.Health Check "$work/health.req" "$work/health.resp" '^code=OK '
  call "$1 Analyze" quotewire.v1.Analyzer Analyze "$work/analyze.req" "$work/analyze.resp" '^code=OK '
  interop_check_responses
  bench=$("$peer" bench "$addr" -c 16 -connections 2 -n 10000 -json 2>&1 || true)
  if echo "$bench" | grep -q '"errors":0,'; then pass "$1 bench: $bench"; else fail "$1 bench: $bench"; fi
}
interop_start_server --tls-cert "$certs/server.pem" --tls-key "$certs/server.key"
plain_addr=$addr
addr="tls:$plain_addr"
export TTRPC_PEER_TLS_CA="$certs/ca.pem"
tls_calls TLS
addr=$plain_addr
call "plaintext client on the TLS port" quotewire.v1.Server Ping "$work/ping.req" "$work/none" '^code=FailedPrecondition message="this port speaks TLS'
interop_stop_server

# Mutual TLS: the server asks for a client certificate issued by the test CA.
interop_start_server --tls-cert "$certs/server.pem" --tls-key "$certs/server.key" --tls-client-ca "$certs/ca.pem"
addr="tls:$addr"
TTRPC_PEER_TLS_CERT="$certs/client.pem" TTRPC_PEER_TLS_KEY="$certs/client.key" tls_calls "mutual TLS"
refused() { # LABEL [ENV...]
  local label=$1 out
  shift
  out=$(env "$@" "$peer" call "$addr" quotewire.v1.Server Ping "$work/ping.req" "$work/none" 5s 2>&1) || true
  if echo "$out" | grep -q '^code=OK'; then fail "$label: $out (expected a refusal)"; else pass "$label refused: $out"; fi
}
refused "mutual TLS without a client certificate"
refused "mutual TLS with another CA's certificate" TTRPC_PEER_TLS_CERT="$certs/other-client.pem" TTRPC_PEER_TLS_KEY="$certs/other-client.key"
unset TTRPC_PEER_TLS_CA
interop_stop_server

if QUOTEWIRE_GO_PEER="$peer" swift test --skip-build --filter "TTRPCClientTests/callsTheGoServer" >"$work/client.log" 2>&1 \
  && grep -q "passed" "$work/client.log"; then
  pass "our Swift client calls the Go server's Ping"
else
  tail -20 "$work/client.log"
  fail "our Swift client calls the Go server's Ping"
fi

interop_finish Go
