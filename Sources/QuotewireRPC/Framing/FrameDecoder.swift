import NIOCore

/// Splits a byte stream into ttrpc frames: partial frames across reads, many
/// frames in one read.
///
/// A frame whose declared length exceeds `maxPayloadBytes` is not an error:
/// the decoder reports it as ``InboundFrame/oversized(_:limit:)`` as soon as
/// its header arrives, then skips its body without buffering it, so the
/// connection stays usable.
public struct FrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = InboundFrame

    private enum State {
        case waitingForHeader
        case discarding(remaining: Int)
    }

    /// The largest payload accepted, in bytes.
    public let maxPayloadBytes: Int
    private var state: State = .waitingForHeader

    public init(maxPayloadBytes: Int = 4 << 20) {
        self.maxPayloadBytes = maxPayloadBytes
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        switch self.decodeNext(from: &buffer) {
        case .some(let frame):
            context.fireChannelRead(Self.wrapInboundOut(frame))
            return .continue
        case .none:
            return buffer.readableBytes > 0 && self.isDiscarding ? .continue : .needMoreData
        }
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        // A truncated frame at EOF is dropped: there is nobody left to answer.
        while let frame = self.decodeNext(from: &buffer) {
            context.fireChannelRead(Self.wrapInboundOut(frame))
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }

    private var isDiscarding: Bool {
        if case .discarding = self.state { return true }
        return false
    }

    /// Decodes one frame if the buffer holds one; never consumes part of a
    /// frame it cannot return, except the body of an oversized frame.
    mutating func decodeNext(from buffer: inout ByteBuffer) -> InboundFrame? {
        switch self.state {
        case .discarding(let remaining):
            let skipped = min(remaining, buffer.readableBytes)
            buffer.moveReaderIndex(forwardBy: skipped)
            if skipped == remaining {
                self.state = .waitingForHeader
                return self.decodeNext(from: &buffer)
            }
            self.state = .discarding(remaining: remaining - skipped)
            return nil
        case .waitingForHeader:
            guard let header = buffer.peekFrameHeader() else { return nil }
            let length = Int(header.length)
            if length > self.maxPayloadBytes {
                buffer.moveReaderIndex(forwardBy: FrameHeader.size)
                self.state = .discarding(remaining: length)
                return .oversized(header, limit: self.maxPayloadBytes)
            }
            guard buffer.readableBytes >= FrameHeader.size + length else { return nil }
            buffer.moveReaderIndex(forwardBy: FrameHeader.size)
            // The length was checked just above, so the slice exists.
            let payload = buffer.readSlice(length: length)!
            return .frame(Frame(header: header, payload: payload))
        }
    }
}

@available(*, unavailable)
extension FrameDecoder: Sendable {}
