import NIOCore

/// Where a server connection is in its life. Transitions only go forward:
/// `authenticating → serving → draining → closing`, with `closing`
/// reachable from every phase (idle, force-close, a peer that leaves).
enum ConnectionPhase: Equatable {
    /// An authorizer is set and no call has presented a valid token yet; the
    /// connection is closed at `deadline` unless one does.
    case authenticating(deadline: NIODeadline?)
    /// Serving calls.
    case serving
    /// A graceful shutdown started: new calls are refused, the connection
    /// closes once its calls are answered.
    case draining
    /// Closing or closed: nothing more is read or answered.
    case closing

    /// The phase after a call presented a valid token.
    func authenticated() -> ConnectionPhase {
        if case .authenticating = self { return .serving }
        return self
    }

    /// The phase after a graceful shutdown started.
    func draining() -> ConnectionPhase {
        switch self {
        case .authenticating, .serving: return .draining
        case .draining, .closing: return self
        }
    }

    /// Whether new calls (other than health checks) are refused.
    var refusesCalls: Bool {
        switch self {
        case .authenticating, .serving: return false
        case .draining, .closing: return true
        }
    }

    /// Whether the connection must be closed at `now` for want of a token.
    func authenticationExpired(at now: NIODeadline) -> Bool {
        if case .authenticating(let deadline?) = self { return deadline <= now }
        return false
    }
}
