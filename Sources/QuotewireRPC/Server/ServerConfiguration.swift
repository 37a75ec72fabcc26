import NIOCore
import QuotewireModel
import Tracing

/// Every knob of a ``TTRPCServer``.
public struct ServerConfiguration: Sendable {
    /// Checks a call before its handler runs (e.g. a bearer token in the
    /// metadata); throwing answers the call with the error's status.
    public typealias Authorizer = @Sendable (CallContext) throws -> Void

    /// Where to listen; several targets are allowed (e.g. TCP and a Unix socket).
    public var bindTargets: [BindTarget]
    /// The largest frame payload accepted; larger frames are answered
    /// RESOURCE_EXHAUSTED and their bodies discarded.
    public var maxFrameBytes: Int
    /// Most connections served at once; further connections are closed on accept.
    public var maxConnections: Int
    /// Most calls awaiting an answer on one connection (offloaded,
    /// asynchronous and streaming ones; streams count whether or not they
    /// have traffic; inline calls hold none); beyond it calls are answered
    /// RESOURCE_EXHAUSTED.
    public var maxStreamsPerConnection: Int
    /// Most calls awaiting an answer over all connections (offloaded,
    /// asynchronous and streaming ones, with or without traffic); beyond it
    /// calls are answered RESOURCE_EXHAUSTED.
    public var maxCalls: Int
    /// Most bytes of stream messages one connection may hold over all its
    /// streams — received and not yet taken by their handlers, or taken and
    /// still being worked on; over it the connection stops reading until the
    /// handlers catch up, and when they release nothing for the idle timeout
    /// the streams holding bytes are failed RESOURCE_EXHAUSTED.
    public var maxQueuedStreamBytes: Int
    /// The most bytes one answer may carry; an analysis stops as soon as its
    /// answer would pass it and the call is answered RESOURCE_EXHAUSTED.
    /// ``maxFrameBytes`` bounds it too.
    public var maxResponseBytes: Int
    /// The most bytes of answers a connection may hold that its client has
    /// not read: beyond it new calls and further answers on the connection
    /// are refused RESOURCE_EXHAUSTED, and a connection that flushes nothing
    /// for the idle timeout is closed.
    public var maxQueuedResponseBytes: Int
    /// The most bytes of request payload the server's thread pool holds
    /// (queued or running) over all connections; beyond it offloaded calls
    /// are refused RESOURCE_EXHAUSTED at once.
    public var maxQueuedWorkBytes: Int
    /// The most of ``maxQueuedWorkBytes`` one connection may hold, so that
    /// one client cannot take the thread pool from the others.
    public var maxQueuedWorkBytesPerConnection: Int
    /// A streaming call that receives and sends no message for this long is
    /// answered DEADLINE_EXCEEDED and freed; `nil` never.
    public var streamIdleTimeout: Duration?
    /// A connection with no calls in flight that completes no frame for this
    /// long is closed (trickled bytes do not count); `nil` never closes.
    /// With an ``authorizer``, a connection that has not presented a valid
    /// token within this time is closed whatever it sends.
    public var idleTimeout: Duration?
    /// How long in-flight calls may run after a graceful shutdown starts;
    /// calls still running then are answered UNAVAILABLE.
    public var shutdownGrace: Duration
    /// Event loop threads (and thread-pool threads for offloaded handlers).
    public var threads: Int
    /// The version that `quotewire.v1.Server/Info` reports.
    public var version: String
    /// Receives connection and call events (metrics).
    public var observer: (any ServerObserver)?
    /// Authorizes calls; `grpc.health.v1.Health` is never checked.
    public var authorizer: Authorizer?
    /// TLS on the TCP listeners (Unix sockets stay plaintext: their peers
    /// can be checked by uid); `nil`: plaintext.
    public var tls: ServerTLS?
    /// How long a client of a TLS listener may take from accept to a
    /// completed handshake before its connection is closed (it holds a slot
    /// of ``maxConnections`` meanwhile).
    public var tlsHandshakeTimeout: Duration = .seconds(10)
    /// The uids allowed to connect to the Unix socket listeners (their peer
    /// credentials, `SO_PEERCRED`); others get PERMISSION_DENIED. `nil`: any.
    public var allowedUnixUIDs: Set<UInt32>?
    /// Receives one record per answered call (an access log); `nil`: none.
    /// Called on event loops: keep it cheap and non-blocking.
    public var callLog: (@Sendable (CallRecord) -> Void)?
    /// Starts a server span per call, a child of the call's `traceparent`;
    /// `nil`: the tracer bootstrapped in `InstrumentationSystem`, if any, at
    /// the server's creation. Without a tracer calls are not traced.
    public var tracer: (any Tracer)?

    public init(
        bindTargets: [BindTarget] = [.tcp(host: "127.0.0.1", port: 7807)],
        maxFrameBytes: Int = 4 << 20,
        maxConnections: Int = 1024,
        maxStreamsPerConnection: Int = 128,
        maxCalls: Int = 16384,
        maxQueuedStreamBytes: Int = 2 << 20,
        maxResponseBytes: Int = 4 << 20,
        maxQueuedResponseBytes: Int = 16 << 20,
        maxQueuedWorkBytes: Int = 32 << 20,
        maxQueuedWorkBytesPerConnection: Int = 8 << 20,
        streamIdleTimeout: Duration? = .seconds(60),
        idleTimeout: Duration? = .seconds(300),
        shutdownGrace: Duration = .seconds(10),
        threads: Int = System.coreCount,
        version: String = "0.0.0",
        observer: (any ServerObserver)? = nil,
        authorizer: Authorizer? = nil
    ) {
        self.bindTargets = bindTargets
        self.maxFrameBytes = maxFrameBytes
        self.maxConnections = maxConnections
        self.maxStreamsPerConnection = maxStreamsPerConnection
        self.maxCalls = max(1, maxCalls)
        self.maxQueuedStreamBytes = max(1, maxQueuedStreamBytes)
        self.maxResponseBytes = max(1, maxResponseBytes)
        self.maxQueuedResponseBytes = max(1, maxQueuedResponseBytes)
        self.maxQueuedWorkBytes = max(1, maxQueuedWorkBytes)
        self.maxQueuedWorkBytesPerConnection = max(1, maxQueuedWorkBytesPerConnection)
        self.streamIdleTimeout = streamIdleTimeout
        self.idleTimeout = idleTimeout
        self.shutdownGrace = shutdownGrace
        self.threads = max(1, threads)
        self.version = version
        self.observer = observer
        self.authorizer = authorizer
    }

    /// The limits as `quotewire.v1.Server/Info` reports them.
    public var limits: ServerLimits {
        ServerLimits(
            maxFrameBytes: UInt32(clamping: self.maxFrameBytes),
            maxConnections: UInt32(clamping: self.maxConnections),
            maxStreamsPerConnection: UInt32(clamping: self.maxStreamsPerConnection),
            idleTimeoutMillis: self.idleTimeout.map { Self.millis($0) } ?? 0,
            shutdownGraceMillis: Self.millis(self.shutdownGrace))
    }

    /// The bound answers actually keep: the smaller of ``maxResponseBytes``
    /// and ``maxFrameBytes``.
    var responseLimit: Int {
        min(self.maxResponseBytes, self.maxFrameBytes)
    }

    var decodingLimits: DecodingLimits {
        DecodingLimits(maxBytes: self.maxFrameBytes)
    }

    private static func millis(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
