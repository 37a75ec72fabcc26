import NIOCore
import NIOSSL

/// A client's TLS context, built once from ``ClientTLSFiles`` and shared by
/// its connections: TLS 1.2 or later, the server's certificate verified
/// (chain and name).
public final class ClientTLS: Sendable {
    /// What the context was built from.
    public let files: ClientTLSFiles
    let context: NIOSSLContext

    /// Reads the files; a missing or malformed file, a certificate without
    /// its key (or the reverse), or a key that does not match, throws.
    public init(files: ClientTLSFiles = ClientTLSFiles()) throws(TLSSetupError) {
        self.files = files
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        if let path = files.trustRoots {
            configuration.trustRoots = .certificates(try PEMFile.certificates(path, role: "CA"))
        }
        switch (files.certificateChain, files.privateKey) {
        case (let chain?, let key?):
            configuration.certificateChain = try PEMFile.certificates(chain, role: "certificate").map { .certificate($0) }
            configuration.privateKey = .privateKey(try PEMFile.privateKey(key))
        case (nil, nil):
            break
        case (let chain?, nil):
            throw TLSSetupError(role: "certificate", path: chain, reason: "given without its private key")
        case (nil, let key?):
            throw TLSSetupError(role: "private key", path: key, reason: "given without its certificate")
        }
        do {
            self.context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw TLSSetupError(role: "client context", path: files.certificateChain ?? "", reason: "\(error)")
        }
    }

    /// The name to verify for a server at `host`: the configured name, else
    /// the host unless it is an IP literal (then the address is checked).
    func serverName(forHost host: String) -> String? {
        if let name = self.files.serverName { return name }
        return (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// The handler of a new connection.
    func makeHandler(serverName: String?) throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: self.context, serverHostname: serverName)
    }
}
