import QuotewireModel

/// A call that did not succeed: the status code and message the peer (or
/// this side) gave. The one error type that clients see and that handlers
/// may throw to choose a status themselves.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The gRPC status code.
    public var code: StatusCode
    /// A developer-facing message.
    public var message: String

    public init(code: StatusCode, message: String) {
        self.code = code
        self.message = message
    }

    /// The error carried by a non-OK wire status.
    public init(status: RPCStatus) {
        self.init(code: StatusCode(rawValue: status.code), message: status.message)
    }

    /// The wire form of this error.
    public var status: RPCStatus {
        RPCStatus(code: code.rawValue, message: message)
    }

    public var description: String {
        "\(code): \(message)"
    }
}
