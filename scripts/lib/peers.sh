# Shared by the interop and benchmark scripts (source it; needs $root and $work).

# Prints the path of a ttrpc-peer binary: $QUOTEWIRE_GO_PEER, or one built into $work from
# ../shared/peers/ttrpc-go (or $QUOTEWIRE_GO_PEER_SOURCE). Prints nothing if neither exists.
go_peer() {
  if [ -n "${QUOTEWIRE_GO_PEER:-}" ]; then
    echo "$QUOTEWIRE_GO_PEER"
    return
  fi
  local source_dir=${QUOTEWIRE_GO_PEER_SOURCE:-$root/../shared/peers/ttrpc-go}
  [ -x "$source_dir/build.sh" ] || return 0
  "$source_dir/build.sh" "$work/ttrpc-peer" >&2
  echo "$work/ttrpc-peer"
}

# Prints the path of a ttrpc-rust-peer binary: $QUOTEWIRE_RUST_PEER, or one built into $work from
# ../shared/peers/ttrpc-rust (or $QUOTEWIRE_RUST_PEER_SOURCE; about 3 minutes). Prints nothing if
# neither exists or the build fails.
rust_peer() {
  if [ -n "${QUOTEWIRE_RUST_PEER:-}" ]; then
    echo "$QUOTEWIRE_RUST_PEER"
    return
  fi
  local source_dir=${QUOTEWIRE_RUST_PEER_SOURCE:-$root/../shared/peers/ttrpc-rust}
  [ -x "$source_dir/build.sh" ] || return 0
  "$source_dir/build.sh" "$work/ttrpc-rust-peer" >&2 || return 0
  echo "$work/ttrpc-rust-peer"
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
