/// How a client finds out that a connection's peer went silent (a host that
/// is down or partitioned sends no reset: its connection just stops
/// answering). When nothing has been read on a connection for ``interval``
/// (with calls waiting or not), the client sends a probe, a
/// `grpc.health.v1.Health/Check` call; any frame read afterwards proves the
/// peer alive (any status will do, so peers without the health service work
/// too). When nothing is read for ``timeout`` after the probe, the
/// connection is closed: its calls fail with UNAVAILABLE (so idempotent ones
/// are retried on another endpoint) and its endpoint is reconnected in the
/// background with backoff, then used again once it answers.
public struct Keepalive: Sendable, Hashable {
    /// Silence on a connection after which it is probed.
    public var interval: Duration
    /// Silence after a probe after which the connection is given up.
    public var timeout: Duration

    public init(interval: Duration = .seconds(1), timeout: Duration = .seconds(1)) {
        self.interval = max(.milliseconds(10), interval)
        self.timeout = max(.milliseconds(10), timeout)
    }

    /// How often a connection checks its silence: a quarter of the shorter of
    /// the two, so a silent peer is given up within about interval + timeout
    /// plus a quarter.
    var tick: Duration { min(self.interval, self.timeout) / 4 }
}
