import NIOConcurrencyHelpers
import NIOSSL

/// A server's TLS context, which ``reload()`` rebuilds from its files: new
/// connections use the new certificate while open ones keep theirs.
///
/// TLS 1.2 or later with NIOSSL's default cipher suites (ECDHE with AES-GCM
/// or ChaCha20-Poly1305). With a client CA, clients must present a
/// certificate that CA issued (mutual TLS), and the CA's name is sent to them.
public final class ServerTLS: Sendable {
    /// Where the certificate, key and client CA are read from.
    public let files: ServerTLSFiles
    private let current: NIOLockedValueBox<NIOSSLContext>

    /// Reads the files and builds the context; a missing, unreadable or
    /// malformed file, or a key that does not match the certificate, throws.
    public init(files: ServerTLSFiles) throws(TLSSetupError) {
        self.files = files
        self.current = NIOLockedValueBox(try Self.makeContext(files))
    }

    /// Whether clients must present a certificate (a client CA is set).
    public var requiresClientCertificates: Bool { self.files.clientCA != nil }

    /// Reads the files again and uses them for new connections; when they
    /// fail, the context in use stays and the error is thrown.
    public func reload() throws(TLSSetupError) {
        let context = try Self.makeContext(self.files)
        self.current.withLockedValue { $0 = context }
    }

    /// The handler of a new connection, with the current context.
    func makeHandler() -> NIOSSLServerHandler {
        NIOSSLServerHandler(context: self.current.withLockedValue { $0 })
    }

    private static func makeContext(_ files: ServerTLSFiles) throws(TLSSetupError) -> NIOSSLContext {
        let chain = try PEMFile.certificates(files.certificateChain, role: "certificate")
        let key = try PEMFile.privateKey(files.privateKey)
        var configuration: TLSConfiguration
        if let clientCA = files.clientCA {
            let authorities = try PEMFile.certificates(clientCA, role: "client CA")
            configuration = TLSConfiguration.makeServerConfigurationWithMTLS(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key),
                trustRoots: .certificates(authorities))
            configuration.sendCANameList = true
        } else {
            configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        }
        configuration.minimumTLSVersion = .tlsv12
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TLSSetupError(
                role: "certificate", path: files.certificateChain,
                reason: "cannot be used with the key \(files.privateKey) (\(error))")
        }
    }
}
