import NIOCore
import QuotewireModel

/// A call a connection has accepted and not yet answered (offloaded,
/// asynchronous and streaming calls; inline calls answer during their read).
///
/// Its ``id`` is unique on the connection: a completion carries the id of
/// the call it answers, so a late completion of a call answered already (by
/// its deadline, say) can never answer a newer call that reuses the stream id.
struct ServerCall {
    let id: UInt64
    let method: MethodDescriptor
    let started: NIODeadline
    let isStreaming: Bool
    /// When the call must be answered by; `nil`: no deadline.
    let deadline: NIODeadline?
    var phase: CallPhase
    /// Set when the call is answered, so its work stops.
    let cancellation: CancellationFlag
    /// When a message last went in or out (streams), for the stream idle timeout.
    var lastActivity: NIODeadline
    var deadlineTimer: Scheduled<Void>?
    /// Fired when the call is answered, so its handler job (asynchronous and streaming calls) stops.
    var job: OneShotEvent?
    var inbound: RawRequestStream.Continuation?
    /// For the access log and the span, when the server keeps them.
    var observation: CallObservation?
    /// A stream's part of the connection's inbound budget.
    var hold: StreamHold?

    /// What must answer the call at `now`, if anything: its deadline, or for
    /// a stream that sent and received nothing for `streamIdleTimeout`, the
    /// idle timeout; `nil` once it is answered.
    func due(at now: NIODeadline, streamIdleTimeout: TimeAmount?) -> CallEnd? {
        if case .answered = self.phase { return nil }
        if let deadline = self.deadline, deadline <= now { return .deadline }
        if self.isStreaming, let timeout = streamIdleTimeout, self.lastActivity + timeout <= now { return .streamIdle }
        return nil
    }

    /// Stops everything that still works for the call.
    func cancelWork() {
        self.cancellation.cancel()
        self.deadlineTimer?.cancel()
        self.job?.fire()
    }
}
