/// Where a server listens.
public enum BindTarget: Sendable, Hashable, CustomStringConvertible {
    /// A TCP host and port; port 0 picks an ephemeral port.
    case tcp(host: String, port: Int)
    /// A Unix domain socket path (an existing socket file is replaced).
    case unix(path: String)

    public var description: String {
        switch self {
        case .tcp(let host, let port): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unix(let path): return "unix:\(path)"
        }
    }
}
