# Shared by scripts/interop-go.sh and scripts/interop-rust.sh (source it after peers.sh; needs $root).
# Sets $work (removed on exit), $bin (debug `quotewire`), and counts checks with pass/fail.

work=$(mktemp -d)
server_pid=""
failures=0
interop_cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap interop_cleanup EXIT
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

# Exits when the peer binary PEER is missing: with status 0 (skipped), or 1 when
# QUOTEWIRE_REQUIRE_PEERS=1 (CI: a peer that did not build must not pass silently).
require_peer() { # PEER NAME HINT
  [ -n "$1" ] && [ -x "$1" ] && return 0
  if [ "${QUOTEWIRE_REQUIRE_PEERS:-0}" = 1 ]; then
    echo "interop: FAILED, no $2 peer (its build failed or its sources are missing; $3)"
    exit 1
  fi
  echo "interop: SKIPPED, no $2 peer ($3)"
  exit 0
}

# One call by the peer ($peer call ADDR ...) to $addr; passes when its output matches REGEX.
call() { # NAME SERVICE METHOD IN OUT REGEX
  local out
  out=$("$peer" call "$addr" "$2" "$3" "$4" "$5" 5s 2>&1) || true
  if echo "$out" | grep -Eq "$6"; then pass "$1: $out"; else fail "$1: $out (expected $6)"; fi
}

# Ping over the Unix socket; passes when the status matches REGEX and the answer echoes the request.
unix_ping() { # REGEX
  local out
  out=$("$peer" call "unix:$work/quotewire.sock" quotewire.v1.Server Ping "$work/ping.req" "$work/ping-unix.resp" 5s 2>&1) || true
  if echo "$out" | grep -Eq "$1" && cmp -s "$work/ping.req" "$work/ping-unix.resp"; then
    pass "Ping over the Unix socket: $out"
  else
    fail "Ping over the Unix socket: $out"
  fi
}

# The calls every peer makes: Ping over TCP and the Unix socket, Health and Analyze, each
# expected to print a line matching OK-REGEX (the peer's way of saying OK).
basic_calls() { # OK-REGEX
  call "Ping" quotewire.v1.Server Ping "$work/ping.req" "$work/ping.resp" "$1"
  unix_ping "$1"
  call "Health" grpc.health.v1.Health Check "$work/health.req" "$work/health.resp" "$1"
  call "Analyze" quotewire.v1.Analyzer Analyze "$work/analyze.req" "$work/analyze.resp" "$1"
}

# Builds quotewire and the tests, and writes the requests (analyze.req, ping.req, health.req) with our codec.
interop_prepare() {
  echo "building quotewire and the tests"
  swift build --build-tests >/dev/null
  bin="$(swift build --show-bin-path)/quotewire"
  echo "writing requests with our codec"
  QUOTEWIRE_INTEROP_DIR="$work" QUOTEWIRE_INTEROP_PHASE=write \
    swift test --skip-build --filter InteropFixtureTests/writesInteropRequests >"$work/write.log" 2>&1 \
    || { cat "$work/write.log"; echo "could not write the requests"; exit 1; }
}

# Starts `quotewire serve` on a free TCP port and $work/quotewire.sock (extra serve flags may follow);
# sets $server_pid and $addr.
interop_start_server() {
  "$bin" serve --host 127.0.0.1 --port 0 --unix "$work/quotewire.sock" "$@" 2>"$work/serve.log" &
  server_pid=$!
  addr=$(wait_for_address "$work/serve.log" "$quotewire_address") || { echo "quotewire serve did not start"; exit 1; }
  echo "quotewire serve on $addr"
}

# Decodes the responses the peer received (analyze.resp, ping.resp, health.resp) with our codec and checks them.
interop_check_responses() {
  if [ -s "$work/analyze.resp" ] && QUOTEWIRE_INTEROP_DIR="$work" QUOTEWIRE_INTEROP_PHASE=check \
    swift test --skip-build --filter InteropFixtureTests/checksInteropResponses >"$work/check.log" 2>&1; then
    pass "responses decoded and checked by our codec"
  else
    tail -20 "$work/check.log" 2>/dev/null
    fail "responses decoded and checked by our codec"
  fi
}

# Stops the server with SIGTERM and checks that it drained and exited 0.
interop_stop_server() {
  kill -TERM "$server_pid"
  if wait "$server_pid"; then pass "quotewire serve drained and exited 0 on SIGTERM"; else fail "quotewire serve exit status $?"; fi
  server_pid=""
}

interop_finish() { # NAME
  if [ "$failures" -gt 0 ]; then
    echo "interop ($1): $failures failure(s)"
    exit 1
  fi
  echo "interop ($1): all checks passed"
}
