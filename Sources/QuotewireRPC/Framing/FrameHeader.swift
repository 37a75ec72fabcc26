import NIOCore

/// The 10-byte header in front of every ttrpc frame, all big-endian:
/// payload length `u32`, stream id `u32`, message type `u8`, flags `u8`.
public struct FrameHeader: Sendable, Hashable {
    /// The size of the header on the wire.
    public static let size = 10

    /// The payload length in bytes (the header excluded).
    public var length: UInt32
    /// The stream the frame belongs to; client streams are odd.
    public var streamID: UInt32
    /// What the payload is.
    public var type: MessageType
    /// The frame's flags.
    public var flags: FrameFlags

    public init(length: UInt32, streamID: UInt32, type: MessageType, flags: FrameFlags = []) {
        self.length = length
        self.streamID = streamID
        self.type = type
        self.flags = flags
    }
}

extension ByteBuffer {
    /// Reads a header at the reader index without moving it; `nil` if fewer
    /// than 10 bytes are readable.
    func peekFrameHeader() -> FrameHeader? {
        guard self.readableBytes >= FrameHeader.size,
            let length = self.getInteger(at: self.readerIndex, as: UInt32.self),
            let streamID = self.getInteger(at: self.readerIndex + 4, as: UInt32.self),
            let type = self.getInteger(at: self.readerIndex + 8, as: UInt8.self),
            let flags = self.getInteger(at: self.readerIndex + 9, as: UInt8.self)
        else { return nil }
        return FrameHeader(
            length: length, streamID: streamID, type: MessageType(rawValue: type), flags: FrameFlags(rawValue: flags))
    }

    /// Writes a header.
    @discardableResult
    mutating func writeFrameHeader(_ header: FrameHeader) -> Int {
        self.writeMultipleIntegers(header.length, header.streamID, header.type.rawValue, header.flags.rawValue)
    }
}
