import NIOCore

/// Writes `ttrpc.Response`s that carry only a status, without the codec, so
/// that answering an error can never fail: an error answer that could not
/// be encoded must not turn into an empty payload, which reads as OK.
///
/// The encoding is field 1 (`google.rpc.Status status`) holding field 1
/// (`int32 code`) and field 2 (`string message`), byte-for-byte what the
/// model codec produces (checked by the tests). U+0000, which the C codec
/// refuses, is written as U+FFFD.
enum ErrorResponseCodec {
    /// A buffer holding the whole frame (header and body).
    static func makeFrame(streamID: UInt32, error: RPCError, allocator: ByteBufferAllocator) -> ByteBuffer {
        let body = Self.body(error)
        var buffer = allocator.buffer(capacity: FrameHeader.size + body.count)
        buffer.writeFrameHeader(
            FrameHeader(length: UInt32(truncatingIfNeeded: body.count), streamID: streamID, type: .response))
        buffer.writeBytes(body)
        return buffer
    }

    /// The encoded `ttrpc.Response`.
    static func body(_ error: RPCError) -> [UInt8] {
        var status: [UInt8] = []
        if error.code.rawValue != 0 {
            status.append(0x08)
            Self.appendVarint(UInt64(bitPattern: Int64(error.code.rawValue)), to: &status)
        }
        let scalars = error.message.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }
        let message = Array(String(String.UnicodeScalarView(scalars)).utf8)
        if !message.isEmpty {
            status.append(0x12)
            Self.appendVarint(UInt64(message.count), to: &status)
            status += message
        }
        var body: [UInt8] = [0x0A]
        Self.appendVarint(UInt64(status.count), to: &body)
        return body + status
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
