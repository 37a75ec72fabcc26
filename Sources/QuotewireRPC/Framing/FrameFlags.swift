/// The flags byte of a ttrpc frame header.
public struct FrameFlags: OptionSet, Sendable, Hashable {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The sender will send nothing more on this stream.
    public static let remoteClosed = FrameFlags(rawValue: 0x01)
    /// On a Request: the sender will send Data frames (a client stream).
    public static let remoteOpen = FrameFlags(rawValue: 0x02)
    /// On a Data frame: there is no payload (only the flags matter).
    public static let noData = FrameFlags(rawValue: 0x04)
}
