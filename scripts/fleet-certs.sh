# shellcheck shell=bash
# The dev fleet's TLS material, for charlie. Sourced by fleet-up.sh.

# Certificates for charlie's mutual-TLS listener. Made once and kept: regenerating them would break
# clients (and a running charlie) that already hold the old CA.
ensure_certs() {
  local f complete=1
  for f in ca.pem server-cert.pem server-key.pem cert.pem key.pem; do
    [[ -s "$FLEET_CERTS/$f" ]] || complete=0
  done
  ((complete)) && return 0

  echo "fleet: generating TLS certificates in $FLEET_CERTS"
  # Built in a scratch dir and moved in whole, so an interrupted run never leaves a half set that
  # the completeness check above would accept.
  local tmp
  tmp="$(mktemp -d "$FLEET_DIR/certs.tmp.XXXXXX")"
  (
    cd "$tmp"
    umask 077
    cat >ca.cnf <<'EOF'
[req]
distinguished_name = dn
x509_extensions = v3_ca
prompt = no
[dn]
CN = Wharf fleet dev CA
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
EOF
    cat >server.ext <<'EOF'
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
EOF
    cat >client.ext <<'EOF'
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
EOF
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ca-key.pem
    openssl req -x509 -new -config ca.cnf -key ca-key.pem -days 3650 -out ca.pem
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out server-key.pem
    openssl req -new -key server-key.pem -subj "/CN=localhost" -out server.csr
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem
    openssl req -new -key key.pem -subj "/CN=wharf-client" -out client.csr
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile client.ext -out cert.pem 2>/dev/null
    rm -f ./*.csr ./*.cnf ./*.ext ./*.srl
    chmod 644 ca.pem server-cert.pem cert.pem
  )
  rm -rf "$FLEET_CERTS"
  mv "$tmp" "$FLEET_CERTS"
  chmod 755 "$FLEET_CERTS"
}
