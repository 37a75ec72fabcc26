/// Sent down a server connection's pipeline once the transport knows who
/// the peer is (after the TLS handshake); the connection handler puts it in
/// every later call's ``CallContext``.
struct PeerIdentityEvent: Sendable {
    var identity: PeerIdentity
}
