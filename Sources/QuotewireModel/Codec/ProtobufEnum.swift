/// A protobuf enum: a Swift enum with a case per known value and an
/// `unrecognized` case that keeps values this version does not know.
public protocol ProtobufEnum: Sendable, Hashable {
    /// Every known value with its proto name and Swift case.
    static var cases: [(value: Int32, name: String, case: Self)] { get }
    /// The case for a value read off the wire that this version does not know.
    static func unrecognized(_ value: Int32) -> Self
    /// The value of an `unrecognized` case; `nil` for known cases.
    var unrecognizedValue: Int32? { get }
}

extension ProtobufEnum {
    /// The case for a wire value; unknown values are kept as `unrecognized`.
    public init(protobufValue: Int32) {
        self = Self.cases.first { $0.value == protobufValue }?.case ?? .unrecognized(protobufValue)
    }

    /// The wire value.
    public var protobufValue: Int32 {
        if let value = unrecognizedValue { return value }
        return Self.cases.first { $0.case == self }?.value ?? 0
    }

    /// The proto name of the value (`"QUOTE_KIND_DIRECT"`), or its number
    /// when it is not known, as the proto3 JSON mapping writes it.
    public var protobufName: String {
        Self.cases.first { $0.case == self }?.name ?? String(protobufValue)
    }

    /// The case named `name` in the proto file, if any.
    public init?(protobufName name: String) {
        guard let known = Self.cases.first(where: { $0.name == name }) else { return nil }
        self = known.case
    }
}
