#!/usr/bin/env bash
# Regenerates the code that proto/ defines:
#   Sources/CQuotewireProto             the protobuf-c structs and descriptors (protoc-c)
#   Sources/QuotewireModel/Generated    the Swift value types, their protobuf-c bridge and
#                                       proto3 JSON mapping (scripts/proto-swift/generate.py,
#                                       from the descriptors protoc writes)
#   scripts/generate-proto.sh          write the generated files
#   scripts/generate-proto.sh --check  regenerate into a temporary folder and
#                                      fail if it differs from what is committed
# Changing the contract: edit proto/, run this script, commit proto/ and the output.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target="$root/Sources/CQuotewireProto"
swift_target="$root/Sources/QuotewireModel/Generated"
protos=(
  google/protobuf/any.proto
  google/protobuf/timestamp.proto
  google/rpc/status.proto
  ttrpc/ttrpc.proto
  grpc/health/v1/health.proto
  quotewire/v1/analyzer.proto
)

if ! command -v protoc-c >/dev/null; then
  echo "generate-proto: protoc-c not found (Debian: apt-get install protobuf-c-compiler)" >&2
  exit 1
fi
if ! command -v protoc >/dev/null || ! command -v python3 >/dev/null; then
  echo "generate-proto: protoc and python3 are needed for the Swift side (Debian: apt-get install protobuf-compiler python3)" >&2
  exit 1
fi

# Generates the Swift side into $1 (one file per message and enum, and ProtobufSchema.swift).
generate_swift() {
  local out=$1 descriptors status=0
  descriptors=$(mktemp)
  mkdir -p "$out"
  (cd "$root/proto" && protoc --proto_path=. --include_imports --include_source_info \
    --descriptor_set_out="$descriptors" "${protos[@]}") \
    && python3 "$root/scripts/proto-swift/generate.py" "$descriptors" "$out" || status=$?
  rm -f "$descriptors"
  return $status
}

# Generates into $1 laid out as the target: .c files beside their folders,
# headers under include/ so that the .c files' "x/y.pb-c.h" includes resolve.
generate() {
  local out=$1 raw
  raw=$(mktemp -d)
  (cd "$root/proto" && protoc-c --proto_path=. --c_out="$raw" "${protos[@]}")
  (cd "$raw" && find . -name '*.pb-c.c') | while read -r c; do
    mkdir -p "$out/$(dirname "$c")"
    cp "$raw/$c" "$out/$c"
  done
  (cd "$raw" && find . -name '*.pb-c.h') | while read -r h; do
    mkdir -p "$out/include/$(dirname "$h")"
    cp "$raw/$h" "$out/include/$h"
  done
  rm -rf "$raw"
}

if [[ "${1:-}" == "--check" ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  stale=0
  generate "$tmp/c"
  # Hand-written files (the umbrella header and module map) are not generated: compare generated ones only.
  if ! diff -r -x 'CQuotewireProto.h' -x 'module.modulemap' "$tmp/c" "$target" >/dev/null 2>&1 \
    || [[ -n "$(cd "$target" && find . -name '*.pb-c.*' | while read -r f; do [[ -e "$tmp/c/$f" ]] || echo "$f"; done)" ]]; then
    diff -r -x 'CQuotewireProto.h' -x 'module.modulemap' "$tmp/c" "$target" || true
    echo "generate-proto: Sources/CQuotewireProto is out of date; run scripts/generate-proto.sh" >&2
    stale=1
  else
    echo "generate-proto: Sources/CQuotewireProto matches proto/"
  fi
  generate_swift "$tmp/swift"
  if ! diff -r "$tmp/swift" "$swift_target" >/dev/null 2>&1; then
    diff -r "$tmp/swift" "$swift_target" || true
    echo "generate-proto: Sources/QuotewireModel/Generated is out of date; run scripts/generate-proto.sh" >&2
    stale=1
  else
    echo "generate-proto: Sources/QuotewireModel/Generated matches proto/"
  fi
  exit $stale
else
  find "$target" -name '*.pb-c.[ch]' -delete 2>/dev/null || true
  mkdir -p "$target"
  generate "$target"
  echo "generate-proto: wrote $(find "$target" -name '*.pb-c.[ch]' | wc -l) files to Sources/CQuotewireProto"
  # Into a fresh folder first, so that a generator error leaves the committed files as they are.
  rm -rf "$swift_target.new"
  generate_swift "$swift_target.new" || { rm -rf "$swift_target.new"; exit 1; }
  rm -rf "$swift_target"
  mv "$swift_target.new" "$swift_target"
  echo "generate-proto: wrote $(find "$swift_target" -name '*.swift' | wc -l) files to Sources/QuotewireModel/Generated"
fi
