/// A serialized message with the URL of its type (`google.protobuf.Any`).
public struct AnyMessage: Sendable, Hashable {
    /// The type, e.g. `"type.googleapis.com/google.rpc.BadRequest"`.
    public var typeURL: String
    /// The serialized message.
    public var value: [UInt8]

    public init(typeURL: String = "", value: [UInt8] = []) {
        self.typeURL = typeURL
        self.value = value
    }
}
