import NIOCore

/// What an access log says about one answered call. Never holds the
/// request or response, nor the credentials.
public struct CallRecord: Sendable {
    /// The method called (``MethodDescriptor/unknown`` for unknown names).
    public var method: MethodDescriptor
    /// The status code answered.
    public var code: StatusCode
    /// From the request's arrival to its answer.
    public var duration: Duration
    /// The client's address.
    public var peer: SocketAddress?
    /// What the transport proved about the client.
    public var identity: PeerIdentity
    /// Request payload bytes (for streams, the first request only).
    public var requestBytes: Int
    /// Response payload bytes (for streams, every message).
    public var responseBytes: Int
    /// The article's id, when the handler named one (Analyze).
    public var articleID: String?
    /// The W3C trace id of the call's `traceparent`, if it came with one.
    public var traceID: String?
}
