import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A concrete address to connect to.
enum ResolvedEndpoint: Sendable, Hashable, CustomStringConvertible {
    case address(SocketAddress)
    case unix(path: String)
    /// An address spoken to over TLS; `host` is the name it was reached by
    /// (the certificate must carry it, unless it is an IP literal).
    case tls(SocketAddress, host: String)

    var description: String {
        switch self {
        case .address(let address): return "\(address)"
        case .unix(let path): return "unix:\(path)"
        case .tls(let address, _): return "tls:\(address)"
        }
    }

    /// Every address of a target: fixed endpoints resolve to their first
    /// address; a DNS target to all of its addresses. With `tls`, every TCP
    /// address is spoken to over TLS (`tls:` endpoints always are).
    static func resolve(_ target: ClientTarget, tls: Bool = false) throws(RPCError) -> [ResolvedEndpoint] {
        var result: [ResolvedEndpoint] = []
        switch target {
        case .endpoints(let endpoints):
            for endpoint in endpoints {
                switch endpoint {
                case .unix(let path): result.append(.unix(path: path))
                case .tcp(let host, let port):
                    guard let first = try Self.lookUp(host: host, port: port).first else { continue }
                    result.append(tls ? .tls(first, host: host) : .address(first))
                case .tls(let host, let port):
                    guard let first = try Self.lookUp(host: host, port: port).first else { continue }
                    result.append(.tls(first, host: host))
                }
            }
        case .dns(let host, let port):
            result = try Self.lookUp(host: host, port: port).map { tls ? .tls($0, host: host) : .address($0) }
        }
        var seen = Set<ResolvedEndpoint>()
        return result.filter { seen.insert($0).inserted }
    }

    /// All addresses of a host (getaddrinfo), IPv4 first.
    static func lookUp(host: String, port: Int) throws(RPCError) -> [SocketAddress] {
        var hints = addrinfo()
        #if canImport(Darwin)
            hints.ai_socktype = SOCK_STREAM
        #else
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw RPCError(code: .unavailable, message: "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var v4: [SocketAddress] = []
        var v6: [SocketAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if let addr = info.pointee.ai_addr {
                switch info.pointee.ai_family {
                case AF_INET:
                    let sin = addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee }
                    v4.append(SocketAddress(sin, host: host))
                case AF_INET6:
                    let sin6 = addr.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee }
                    v6.append(SocketAddress(sin6, host: host))
                default:
                    break
                }
            }
            cursor = info.pointee.ai_next
        }
        return v4 + v6
    }
}
