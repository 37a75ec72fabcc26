/// One metadata entry of a ttrpc call (`ttrpc.KeyValue`).
public struct KeyValue: Sendable, Hashable {
    /// The key, e.g. `"authorization"`.
    public var key: String
    /// The value.
    public var value: String

    public init(key: String = "", value: String = "") {
        self.key = key
        self.value = value
    }
}
