import NIOCore

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
    /// The ttrpc stream id of the call.
    public var streamID: UInt32

    public init(
        method: MethodDescriptor, metadata: Metadata = Metadata(), deadline: NIODeadline? = nil,
        peer: SocketAddress? = nil, streamID: UInt32 = 1
    ) {
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.peer = peer
        self.streamID = streamID
    }
}
