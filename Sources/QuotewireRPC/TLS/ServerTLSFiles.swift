/// The files of a server's TLS: its certificate chain and key, and for
/// mutual TLS the CA that client certificates must be issued by.
public struct ServerTLSFiles: Sendable, Hashable {
    /// PEM certificate chain, leaf first.
    public var certificateChain: String
    /// PEM private key of the leaf certificate (unencrypted).
    public var privateKey: String
    /// PEM CA bundle; when set, clients must present a certificate it issued.
    public var clientCA: String?

    public init(certificateChain: String, privateKey: String, clientCA: String? = nil) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.clientCA = clientCA
    }
}
