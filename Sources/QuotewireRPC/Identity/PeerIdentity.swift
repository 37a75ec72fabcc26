/// Who is on the other end of a connection, as far as the transport proved
/// it: the verified client certificate (mutual TLS) and, on a Unix socket,
/// the peer process's credentials.
public struct PeerIdentity: Sendable, Hashable {
    /// The client certificate the server verified; `nil` without mutual TLS.
    public var certificate: CertificateIdentity?
    /// The peer's uid, gid and pid (`SO_PEERCRED`); `nil` off Unix sockets.
    public var credentials: UnixCredentials?

    public init(certificate: CertificateIdentity? = nil, credentials: UnixCredentials? = nil) {
        self.certificate = certificate
        self.credentials = credentials
    }

    /// One short text for logs: `cert:SUBJECT`, `uid:N`, both, or empty.
    public var summary: String {
        var parts: [String] = []
        if let certificate { parts.append("cert:\(certificate.subject)") }
        if let credentials { parts.append("uid:\(credentials.uid)") }
        return parts.joined(separator: " ")
    }
}
