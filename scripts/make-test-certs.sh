#!/usr/bin/env bash
# Makes throw-away certificates for the TLS tests and the interop script (never for production):
#   scripts/make-test-certs.sh DIR
# DIR gets, all EC P-256 and valid for 2 days:
#   ca.pem / ca.key                    a test CA
#   server.pem / server.key            CN=localhost, SAN DNS:localhost, IP:127.0.0.1, IP:::1 (serverAuth)
#   server2.pem / server2.key          the same names, CN=localhost-renewed (a renewed certificate)
#   client.pem / client.key            CN=analyst-1, O=Newsroom, SAN URI:spiffe://quotewire/analyst, DNS:client.test (clientAuth)
#   other-ca.pem, other-client.pem / other-client.key   a second CA and a client certificate it issued
# Needs the openssl command (Debian package openssl; scripts/install-deps.sh installs it).
set -euo pipefail
dir=${1:?usage: make-test-certs.sh DIR}
mkdir -p "$dir"
cd "$dir"
curve=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)

make_ca() {  # name subject
  openssl req -x509 "${curve[@]}" -keyout "$1.key" -out "$1.pem" -days 2 -subj "$2" 2>/dev/null
}

issue() {  # ca name subject extensions
  printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=digitalSignature" "$4" > "$2.ext"
  openssl req "${curve[@]}" -keyout "$2.key" -out "$2.csr" -subj "$3" 2>/dev/null
  openssl x509 -req -in "$2.csr" -CA "$1.pem" -CAkey "$1.key" -CAcreateserial -days 2 \
    -extfile "$2.ext" -out "$2.pem" 2>/dev/null
  rm -f "$2.csr" "$2.ext"
}

server_names=$'extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1'
make_ca ca "/CN=Quotewire Test CA"
issue ca server "/CN=localhost" "$server_names"
issue ca server2 "/CN=localhost-renewed" "$server_names"
issue ca client "/O=Newsroom/CN=analyst-1" $'extendedKeyUsage=clientAuth\nsubjectAltName=URI:spiffe://quotewire/analyst,DNS:client.test'
make_ca other-ca "/CN=Another Test CA"
issue other-ca other-client "/CN=intruder" $'extendedKeyUsage=clientAuth\nsubjectAltName=DNS:intruder.test'
rm -f ./*.srl
