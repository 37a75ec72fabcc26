import NIOCore

/// One ttrpc frame: its header and its payload.
public struct Frame: Sendable, Hashable {
    /// The header; `header.length` equals `payload.readableBytes`.
    public var header: FrameHeader
    /// The payload (a `ttrpc.Request`, a `ttrpc.Response`, or stream data).
    public var payload: ByteBuffer

    public init(header: FrameHeader, payload: ByteBuffer) {
        self.header = header
        self.payload = payload
    }

    /// A frame whose header is filled in from the payload's size.
    public init(streamID: UInt32, type: MessageType, flags: FrameFlags = [], payload: ByteBuffer) {
        self.header = FrameHeader(
            length: UInt32(truncatingIfNeeded: payload.readableBytes), streamID: streamID, type: type, flags: flags)
        self.payload = payload
    }
}
