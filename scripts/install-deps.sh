#!/usr/bin/env bash
# Installs the Debian packages Quotewire needs when they are missing:
#   libprotobuf-c-dev   the protobuf-c runtime and headers (build, run)
#   protobuf-compiler   protoc, which the tests use as an independent codec
#   openssl             the openssl command, which makes the TLS tests' throw-away certificates
# Extra package names given as arguments are installed too (CI adds protoc-c).
set -euo pipefail

need=()
if ! { pkg-config --exists libprotobuf-c 2>/dev/null || [ -f /usr/include/protobuf-c/protobuf-c.h ]; }; then
  need+=(libprotobuf-c-dev)
fi
command -v protoc >/dev/null || need+=(protobuf-compiler)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v openssl >/dev/null || need+=(openssl)
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
[ ${#need[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-deps: installing ${need[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
