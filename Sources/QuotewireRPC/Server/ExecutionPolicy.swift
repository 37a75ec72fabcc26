/// Where a synchronous (CPU-bound) handler runs.
public enum ExecutionPolicy: Sendable, Hashable {
    /// On the connection's event loop, answering in the same read cycle: the
    /// cheapest path, for work of a few microseconds (Ping, Health, Info).
    case inline
    /// On the server's thread pool, so the event loop keeps serving I/O.
    case offloaded
    /// Inline when the request payload has fewer bytes than the threshold,
    /// offloaded otherwise.
    case inlineBelow(payloadBytes: Int)

    func runsInline(payloadBytes: Int) -> Bool {
        switch self {
        case .inline: return true
        case .offloaded: return false
        case .inlineBelow(let threshold): return payloadBytes < threshold
        }
    }
}
