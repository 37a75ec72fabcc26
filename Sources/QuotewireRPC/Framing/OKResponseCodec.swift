import NIOCore

/// Writes and reads OK `ttrpc.Response`s without the codec: the hot path of
/// every successful unary call, on both sides.
///
/// An OK response has no status and one field, `bytes payload = 2`, so its
/// encoding is `0x12`, the payload length as a varint, then the payload
/// (nothing at all for an empty payload, as proto3 omits empty fields). This
/// is byte-for-byte what the model codec produces for
/// `TTRPCResponse(payload:)` (checked by the tests), without its C arena and
/// intermediate array.
enum OKResponseCodec {
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

    /// The payload of `body` when it is an OK response (nothing, or the
    /// payload field alone), as a slice of it; nil for anything else (a
    /// status, unknown fields, malformed bytes), which the codec must decode.
    static func payload(ofOKResponse body: ByteBuffer) -> ByteBuffer? {
        guard body.readableBytes > 0 else { return body }
        return body.withUnsafeReadableBytes { bytes -> ByteBuffer? in
            guard bytes[0] == 0x12 else { return nil }
            var length: UInt64 = 0
            var index = 1
            var shift: UInt64 = 0
            while true {
                guard index < bytes.count, shift < 64 else { return nil }
                let byte = bytes[index]
                index += 1
                length |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            guard length == UInt64(bytes.count - index) else { return nil }
            return body.getSlice(at: body.readerIndex + index, length: Int(length))
        }
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
