import Instrumentation
import NIOCore
import QuotewireModel

/// What a handler knows about the call it serves.
public struct CallContext: Sendable {
    /// The method called.
    public var method: MethodDescriptor
    /// The call's metadata, keys lower-cased.
    public var metadata: Metadata
    /// When the call must be answered by, from the request's `timeout_nano`;
    /// `nil` when the client set none.
    public var deadline: NIODeadline?
    /// The client's address, when known.
    public var peer: SocketAddress?
    /// What the transport proved about the client: its verified certificate
    /// (mutual TLS), its uid/gid/pid (Unix sockets).
    public var identity = PeerIdentity()
    /// The context of the call's server span, when the server traces: its
    /// trace continues in calls the handler makes with it current
    /// (`ServiceContext.withValue`; asynchronous handlers run with it current).
    public var traceContext: ServiceContext?
    /// Where the handler names the article it works on, for the access log
    /// and the span; `nil` when the server keeps neither.
    public var annotations: CallAnnotations?
    /// The ttrpc stream id of the call.
    public var streamID: UInt32
    /// Set once the call is answered (deadline, cancel, disconnect, shutdown):
    /// long work checks it and stops.
    public var cancellation: CancellationFlag
    /// The most bytes one answer of this call may carry (the frame limit);
    /// `nil`: unbounded.
    public var maxResponseBytes: Int?
    /// Where CPU-bound work of streaming handlers runs (see ``offload(cost:_:)``).
    var offloader: (queue: OffloadQueue, share: WorkShare, eventLoop: any EventLoop)?

    public init(
        method: MethodDescriptor, metadata: Metadata = Metadata(), deadline: NIODeadline? = nil,
        peer: SocketAddress? = nil, streamID: UInt32 = 1, cancellation: CancellationFlag = CancellationFlag(),
        maxResponseBytes: Int? = nil
    ) {
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.peer = peer
        self.streamID = streamID
        self.cancellation = cancellation
        self.maxResponseBytes = maxResponseBytes
    }

    /// The bounds an analysis for this call must keep: its cancellation, its
    /// deadline and the answer size.
    public var analysisBudget: AnalysisBudget {
        let deadline = self.deadline.map { deadline in
            ContinuousClock.now.advanced(by: .nanoseconds((deadline - .now()).nanoseconds))
        }
        return AnalysisBudget(
            maxResponseBytes: self.maxResponseBytes, deadline: deadline, cancellation: self.cancellation)
    }

    /// Runs CPU-bound `work` off Swift's cooperative pool, on the server's
    /// bounded thread pool (RESOURCE_EXHAUSTED at once when it holds too much
    /// work; dropped unrun when the call is answered first). `cost` is what
    /// the work is charged against that bound, in bytes of input. Outside a
    /// server it runs in place.
    public func offload<T: Sendable>(cost: Int, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard let (queue, share, eventLoop) = self.offloader else { return try work() }
        return try await queue.submit(cost: cost, share: share, cancellation: self.cancellation, on: eventLoop, work).get()
    }
}
