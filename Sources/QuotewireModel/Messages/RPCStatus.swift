/// The outcome of a call (`google.rpc.Status`): a gRPC status code, a
/// message and optional typed details.
public struct RPCStatus: Sendable, Hashable {
    /// The gRPC status code (0 OK ... 16 UNAUTHENTICATED).
    public var code: Int32
    /// A developer-facing message that says what went wrong.
    public var message: String
    /// Typed details, if any.
    public var details: [AnyMessage]

    public init(code: Int32 = 0, message: String = "", details: [AnyMessage] = []) {
        self.code = code
        self.message = message
        self.details = details
    }
}
