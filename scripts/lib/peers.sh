# Shared by the interop and benchmark scripts (source it; needs $root and $work).

# Prints the path of a peer binary: OVERRIDE if set, else one built into $work by
# SOURCE_DIR/build.sh. Prints nothing if there is no build.sh or the build fails.
peer_binary() { # OVERRIDE SOURCE_DIR BINARY-NAME
  if [ -n "$1" ]; then
    echo "$1"
    return
  fi
  [ -x "$2/build.sh" ] || return 0
  "$2/build.sh" "$work/$3" >&2 || return 0
  echo "$work/$3"
}

# The Go ttrpc-peer: $QUOTEWIRE_GO_PEER, or built from ../shared/peers/ttrpc-go (or
# $QUOTEWIRE_GO_PEER_SOURCE) in seconds.
go_peer() {
  peer_binary "${QUOTEWIRE_GO_PEER:-}" "${QUOTEWIRE_GO_PEER_SOURCE:-$root/../shared/peers/ttrpc-go}" ttrpc-peer
}

# The Rust ttrpc-rust-peer: $QUOTEWIRE_RUST_PEER, or built from ../shared/peers/ttrpc-rust (or
# $QUOTEWIRE_RUST_PEER_SOURCE) in about 3 minutes.
rust_peer() {
  peer_binary "${QUOTEWIRE_RUST_PEER:-}" "${QUOTEWIRE_RUST_PEER_SOURCE:-$root/../shared/peers/ttrpc-rust}" ttrpc-rust-peer
}

# Waits until LOG has a line matching the sed expression SED (which prints the address),
# then prints the address; fails after 10 s.
wait_for_address() { # LOG SED
  local found=""
  for _ in $(seq 1 100); do
    found=$(sed -n "$2" "$1" | head -n1)
    if [ -n "$found" ]; then
      echo "$found"
      return 0
    fi
    sleep 0.1
  done
  cat "$1" >&2
  return 1
}

# The sed expression that reads the TCP address from `quotewire serve`'s start-up line.
quotewire_address='s/.*serving ttrpc on \([0-9.]*:[0-9]*\).*/\1/p'

# For benchmarks: sets $peer (fails without one) and $bin (a release `quotewire`, built if needed).
prepare_benchmark() {
  peer=$(go_peer)
  [ -n "$peer" ] || { echo "no Go peer (set QUOTEWIRE_GO_PEER or QUOTEWIRE_GO_PEER_SOURCE)" >&2; return 1; }
  swift build -c release --product quotewire >/dev/null
  bin="$(swift build -c release --show-bin-path)/quotewire"
}
