/// The message type byte of a ttrpc frame header.
public struct MessageType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// A call: the payload is a `ttrpc.Request`.
    public static let request = MessageType(rawValue: 0x01)
    /// The answer to a call: the payload is a `ttrpc.Response`.
    public static let response = MessageType(rawValue: 0x02)
    /// One message of a stream (ttrpc 1.2).
    public static let data = MessageType(rawValue: 0x03)

    public var description: String {
        switch self {
        case .request: return "request"
        case .response: return "response"
        case .data: return "data"
        default: return "type(\(rawValue))"
        }
    }
}
