/// What a client connects to: fixed endpoints, or a DNS name whose every
/// address is an endpoint (as a Kubernetes headless service resolves).
public enum ClientTarget: Sendable, Hashable, CustomStringConvertible {
    /// These endpoints, in round-robin order.
    case endpoints([Endpoint])
    /// Every address the name resolves to, re-resolved periodically.
    case dns(host: String, port: Int)

    /// Parses `host:port`, `tls:host:port`, `unix:/path`, a comma-separated list of those, or
    /// `dns:host:port` (all addresses of the name).
    public init(parsing text: String) throws(RPCError) {
        if text.hasPrefix("dns:") {
            var rest = Substring(text.dropFirst("dns:".count))
            while rest.hasPrefix("/") { rest = rest.dropFirst() }
            let (host, port) = try Endpoint.splitHostPort(String(rest))
            self = .dns(host: host, port: port)
            return
        }
        var endpoints: [Endpoint] = []
        for part in text.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { endpoints.append(try Endpoint(parsing: trimmed)) }
        }
        guard !endpoints.isEmpty else {
            throw RPCError(code: .invalidArgument, message: "no endpoint in \"\(text)\"")
        }
        self = .endpoints(endpoints)
    }

    public var description: String {
        switch self {
        case .endpoints(let endpoints): return endpoints.map(\.description).joined(separator: ",")
        case .dns(let host, let port): return "dns:\(host):\(port)"
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(self.drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}

extension Set where Element == Character {
    fileprivate static let whitespaces: Set<Character> = [" ", "\t", "\n"]
}
