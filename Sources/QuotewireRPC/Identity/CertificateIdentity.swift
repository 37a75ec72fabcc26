import NIOCore
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The names of a verified client certificate.
public struct CertificateIdentity: Sendable, Hashable {
    /// The subject as `CN=…,O=…` (in the certificate's order).
    public var subject: String
    /// The subject's common name, if it has one.
    public var commonName: String?
    /// The subject alternative names, written `DNS:name`, `IP:address`,
    /// `URI:uri` or `email:address`.
    public var alternativeNames: [String]

    public init(subject: String, commonName: String? = nil, alternativeNames: [String] = []) {
        self.subject = subject
        self.commonName = commonName
        self.alternativeNames = alternativeNames
    }

    /// Reads the names of `certificate`.
    init(_ certificate: NIOSSLCertificate) {
        let names = certificate.subjectName
        self.subject = names.map { "\(Self.abbreviation($0.type))=\($0.value)" }.joined(separator: ",")
        self.commonName = names.first { $0.type == .commonName }?.value
        self.alternativeNames = certificate._subjectAlternativeNames().compactMap { name in
            switch name.nameType {
            case .dnsName: return "DNS:" + String(decoding: name.contents, as: UTF8.self)
            case .uri: return "URI:" + String(decoding: name.contents, as: UTF8.self)
            case .email: return "email:" + String(decoding: name.contents, as: UTF8.self)
            case .ipAddress: return Self.ipAddress(Array(name.contents)).map { "IP:\($0)" }
            default: return nil
            }
        }
    }

    /// An IP address SAN (4 or 16 bytes) as text.
    private static func ipAddress(_ bytes: [UInt8]) -> String? {
        switch bytes.count {
        case 4:
            return bytes.map(String.init).joined(separator: ".")
        case 16:
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            withUnsafeMutableBytes(of: &address.sin6_addr) { $0.copyBytes(from: bytes) }
            return SocketAddress(address, host: "").ipAddress
        default:
            return nil
        }
    }

    private static func abbreviation(_ type: SSLCertificateNameType) -> String {
        switch type {
        case .commonName: return "CN"
        case .organization: return "O"
        case .organizationalUnit: return "OU"
        case .country: return "C"
        case .state: return "ST"
        case .city: return "L"
        case .emailAddress: return "emailAddress"
        case .userId: return "UID"
        default: return "OID"
        }
    }
}
