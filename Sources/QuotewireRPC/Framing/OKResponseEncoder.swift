import NIOCore

/// Writes the frame of an OK `ttrpc.Response` straight into a buffer: the
/// hot path of every successful unary call.
///
/// An OK response has no status and one field, `bytes payload = 2`, so its
/// encoding is `0x12`, the payload length as a varint, then the payload
/// (nothing at all for an empty payload, as proto3 omits empty fields). This
/// is byte-for-byte what the model codec produces for
/// `TTRPCResponse(payload:)` (checked by the tests), without its C arena and
/// intermediate array.
enum OKResponseEncoder {
    /// The size of the encoded `ttrpc.Response` for a payload of `count` bytes.
    static func bodySize(payloadCount count: Int) -> Int {
        count == 0 ? 0 : 1 + Self.varintSize(count) + count
    }

    /// A buffer holding the whole frame (header and body).
    static func makeFrame(streamID: UInt32, payload: [UInt8], allocator: ByteBufferAllocator) -> ByteBuffer {
        let bodySize = Self.bodySize(payloadCount: payload.count)
        var buffer = allocator.buffer(capacity: FrameHeader.size + bodySize)
        buffer.writeFrameHeader(
            FrameHeader(length: UInt32(truncatingIfNeeded: bodySize), streamID: streamID, type: .response))
        guard !payload.isEmpty else { return buffer }
        buffer.writeInteger(UInt8(0x12))
        var length = UInt64(payload.count)
        while length >= 0x80 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        buffer.writeInteger(UInt8(length))
        buffer.writeBytes(payload)
        return buffer
    }

    private static func varintSize(_ value: Int) -> Int {
        var size = 1
        var rest = UInt64(value) >> 7
        while rest != 0 {
            size += 1
            rest >>= 7
        }
        return size
    }
}
