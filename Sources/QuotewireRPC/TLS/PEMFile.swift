import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loads the PEM files of a TLS setup, turning every failure into a
/// ``TLSSetupError`` that says which file and why.
enum PEMFile {
    static func certificates(_ path: String, role: String) throws(TLSSetupError) -> [NIOSSLCertificate] {
        try Self.checkReadable(path, role: role)
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw TLSSetupError(role: role, path: path, reason: "not a PEM certificate (\(error))")
        }
        guard !certificates.isEmpty else {
            throw TLSSetupError(role: role, path: path, reason: "holds no PEM certificate")
        }
        return certificates
    }

    static func privateKey(_ path: String) throws(TLSSetupError) -> NIOSSLPrivateKey {
        try Self.checkReadable(path, role: "private key")
        do {
            return try NIOSSLPrivateKey(file: path, format: .pem)
        } catch {
            throw TLSSetupError(role: "private key", path: path, reason: "not an unencrypted PEM private key (\(error))")
        }
    }

    /// A missing or unreadable file says so, rather than "not a certificate".
    private static func checkReadable(_ path: String, role: String) throws(TLSSetupError) {
        guard access(path, R_OK) == 0 else {
            throw TLSSetupError(role: role, path: path, reason: String(cString: strerror(errno)))
        }
    }
}
