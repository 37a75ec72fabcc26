import QuotewireModel

/// Per-call settings.
public struct CallOptions: Sendable {
    /// Time granted to the call: sent as `timeout_nano` and enforced here too.
    public var timeout: Duration?
    /// Metadata sent with the call.
    public var metadata: [KeyValue]
    /// Whether the call may be retried on UNAVAILABLE.
    public var isIdempotent: Bool

    public init(timeout: Duration? = nil, metadata: [KeyValue] = [], isIdempotent: Bool = false) {
        self.timeout = timeout
        self.metadata = metadata
        self.isIdempotent = isIdempotent
    }
}
