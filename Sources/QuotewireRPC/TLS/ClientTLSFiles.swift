/// What a client's TLS uses: whom it trusts, what it presents, which name it
/// checks. Every field is optional: the default trusts the system's CAs and
/// presents no certificate.
public struct ClientTLSFiles: Sendable, Hashable {
    /// PEM CA bundle the server's certificate must chain to; `nil`: the system's CAs.
    public var trustRoots: String?
    /// PEM certificate chain presented for mutual TLS (with ``privateKey``).
    public var certificateChain: String?
    /// PEM private key of ``certificateChain``.
    public var privateKey: String?
    /// The name the server's certificate must carry (and the SNI sent);
    /// `nil`: the host of the address (an IP literal is checked against the
    /// certificate's IP addresses).
    public var serverName: String?

    public init(
        trustRoots: String? = nil, certificateChain: String? = nil, privateKey: String? = nil, serverName: String? = nil
    ) {
        self.trustRoots = trustRoots
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.serverName = serverName
    }
}
