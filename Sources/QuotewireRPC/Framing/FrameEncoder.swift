import NIOCore

/// Turns frames into bytes: the 10-byte header, then the payload.
public struct FrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = Frame

    public init() {}

    public func encode(data: Frame, out: inout ByteBuffer) throws {
        out.writeFrameHeader(data.header)
        var payload = data.payload
        out.writeBuffer(&payload)
    }

    /// Encodes a frame with a payload of bytes (an array, a buffer's view) into one new buffer.
    public static func makeBuffer(
        streamID: UInt32, type: MessageType, flags: FrameFlags = [], payload: some Collection<UInt8>,
        allocator: ByteBufferAllocator
    ) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: FrameHeader.size + payload.count)
        buffer.writeFrameHeader(
            FrameHeader(length: UInt32(truncatingIfNeeded: payload.count), streamID: streamID, type: type, flags: flags))
        buffer.writeBytes(payload)
        return buffer
    }
}
