import Instrumentation
import NIOCore
import QuotewireModel

/// Every knob of a ``TTRPCClient``.
public struct ClientConfiguration: Sendable {
    /// What to connect to.
    public var target: ClientTarget
    /// Connections opened to each endpoint; calls are spread over them.
    public var connectionsPerEndpoint: Int
    /// How long a connection attempt may take.
    public var connectTimeout: Duration
    /// Delay before reconnecting an endpoint after a failed attempt or a lost
    /// connection (reconnects run in the background while other endpoints serve).
    public var reconnectBackoff: Backoff
    /// Probing of silent connections (nil: never probe; a silent peer then
    /// holds its calls until their deadlines).
    public var keepalive: Keepalive?
    /// Retries of UNAVAILABLE for idempotent calls.
    public var retryPolicy: RetryPolicy
    /// The largest frame payload accepted from the server.
    public var maxFrameBytes: Int
    /// Event loop threads of the client.
    public var threads: Int
    /// How often a DNS target is resolved again.
    public var dnsRefreshInterval: Duration
    /// Event loops to run on instead of `threads` new ones (e.g. NIO's
    /// singleton group when it is also Swift Concurrency's executor, which
    /// saves a thread hop per call). The client does not shut it down.
    public var eventLoopGroup: (any EventLoopGroup)?
    /// Metadata sent with every call, after the call's own
    /// ``CallOptions/metadata`` (e.g. credentials: see ``setBearerToken(_:)``).
    public var defaultMetadata: [KeyValue]
    /// TLS for every TCP endpoint, with these trust roots, certificate and
    /// server name; `nil`: plaintext, except `tls:` endpoints, which then
    /// trust the system's CAs.
    public var tls: ClientTLS?
    /// Writes the current `ServiceContext`'s trace context into each call's
    /// metadata; `nil`: the instrument bootstrapped in `InstrumentationSystem`
    /// (none: nothing is written).
    public var instrument: (any Instrument)?

    public init(
        target: ClientTarget, connectionsPerEndpoint: Int = 1, connectTimeout: Duration = .seconds(2),
        reconnectBackoff: Backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(2)),
        keepalive: Keepalive? = Keepalive(), retryPolicy: RetryPolicy = RetryPolicy(),
        maxFrameBytes: Int = 4 << 20, threads: Int = 1, dnsRefreshInterval: Duration = .seconds(30),
        defaultMetadata: [KeyValue] = []
    ) {
        self.target = target
        self.connectionsPerEndpoint = max(1, connectionsPerEndpoint)
        self.connectTimeout = connectTimeout
        self.reconnectBackoff = reconnectBackoff
        self.keepalive = keepalive
        self.retryPolicy = retryPolicy
        self.maxFrameBytes = maxFrameBytes
        self.threads = max(1, threads)
        self.dnsRefreshInterval = dnsRefreshInterval
        self.eventLoopGroup = nil
        self.defaultMetadata = defaultMetadata
    }

    /// Sends `authorization: Bearer TOKEN` with every call, replacing any
    /// authorization already in ``defaultMetadata``.
    public mutating func setBearerToken(_ token: String) {
        self.defaultMetadata.removeAll { $0.key.lowercased() == BearerTokenAuthorizer.metadataKey }
        self.defaultMetadata.append(KeyValue(key: BearerTokenAuthorizer.metadataKey, value: "Bearer \(token)"))
    }
}
