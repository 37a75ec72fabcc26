import NIOCore

/// One address a client connects to.
public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// A TCP host (name or IP literal) and port.
    case tcp(host: String, port: Int)
    /// A Unix domain socket.
    case unix(path: String)
    /// A TCP host and port spoken to over TLS (see ``ClientConfiguration/tls``).
    case tls(host: String, port: Int)

    /// Parses `host:port`, `[v6]:port`, `tls:host:port` or `unix:/path`.
    public init(parsing text: String) throws(RPCError) {
        if text.hasPrefix("tls:") {
            let (host, port) = try Self.splitHostPort(String(text.dropFirst("tls:".count)))
            self = .tls(host: host, port: port)
            return
        }
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst("unix:".count))
            guard !path.isEmpty else { throw Self.invalid(text, "empty socket path") }
            self = .unix(path: path)
            return
        }
        let (host, port) = try Self.splitHostPort(text)
        self = .tcp(host: host, port: port)
    }

    static func splitHostPort(_ text: String) throws(RPCError) -> (String, Int) {
        var host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw Self.invalid(text, "unclosed [") }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw Self.invalid(text, "missing port") }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw Self.invalid(text, "missing port") }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard let port = Int(portText), (0...65535).contains(port) else { throw Self.invalid(text, "bad port") }
        if host.isEmpty { host = "127.0.0.1" }
        return (String(host), port)
    }

    private static func invalid(_ text: String, _ reason: String) -> RPCError {
        RPCError(code: .invalidArgument, message: "invalid endpoint \"\(text)\": \(reason)")
    }

    public var description: String {
        switch self {
        case .tcp(let host, let port): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unix(let path): return "unix:\(path)"
        case .tls(let host, let port): return "tls:" + Endpoint.tcp(host: host, port: port).description
        }
    }
}
