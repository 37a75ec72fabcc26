/// Where a call a connection accepted is in its life. Transitions only go
/// forward: a stream is `receiving` until its client closes its side, then
/// `running` like a unary call; every call is `answered` exactly once — by
/// its handler, its deadline, the stream idle timeout, the end of the
/// shutdown grace or its connection closing — and any later answer (a
/// handler's outcome that comes after the deadline's) is dropped.
enum CallPhase: Equatable {
    /// A stream whose client may still send messages.
    case receiving
    /// Awaiting its handler's outcome; no more messages are accepted.
    case running
    /// Answered; the reason is kept for diagnostics.
    case answered(CallEnd)

    /// The phase after the client closed its side of a stream.
    func clientClosed() -> CallPhase {
        self == .receiving ? .running : self
    }

    /// The phase after the call is answered for `end`; `nil` when it was
    /// answered already (the new answer must be dropped).
    func answered(by end: CallEnd) -> CallPhase? {
        if case .answered = self { return nil }
        return .answered(end)
    }

    /// Whether a message from the client is handed to the handler.
    var acceptsMessages: Bool {
        self == .receiving
    }
}

/// What answered a call.
enum CallEnd: Equatable {
    /// Its handler's outcome (a result or an error).
    case handler
    /// Its deadline (`timeout_nano`) passed.
    case deadline
    /// A stream sent and received nothing for the stream idle timeout.
    case streamIdle
    /// A bound refused it while it ran (unread answers, stalled stream handlers).
    case limit
    /// The shutdown grace ended.
    case shutdownGrace
    /// The peer sent a frame too large for it.
    case oversizedFrame
}
