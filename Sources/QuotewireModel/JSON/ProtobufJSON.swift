/// A message with the proto3 JSON mapping: lowerCamelCase names, enums by
/// name, 64-bit integers as strings, bytes as base64, and every field
/// written, default values included (absent sub-messages are left out, as
/// they have presence).
public protocol ProtobufJSONEncodable {
    /// The message as proto3 JSON.
    var protobufJSON: JSONValue { get }
}

extension ProtobufJSONEncodable {
    /// The proto3 JSON text of the message.
    public func jsonString(pretty: Bool = false) -> String {
        protobufJSON.serialized(pretty: pretty)
    }
}

/// Builds a JSON object field by field in .proto order.
struct JSONObjectBuilder {
    private(set) var members: [(key: String, value: JSONValue)] = []

    mutating func add(_ key: String, _ value: String) { members.append((key, .string(value))) }
    mutating func add(_ key: String, _ value: Bool) { members.append((key, .bool(value))) }
    mutating func add(_ key: String, _ value: UInt32) { members.append((key, .number(String(value)))) }
    mutating func add(_ key: String, _ value: Int32) { members.append((key, .number(String(value)))) }
    /// 64-bit integers are strings in proto3 JSON.
    mutating func add(_ key: String, _ value: Int64) { members.append((key, .string(String(value)))) }
    mutating func add(_ key: String, _ value: UInt64) { members.append((key, .string(String(value)))) }
    mutating func add(_ key: String, _ value: Float) { members.append((key, JSONValue(float: value))) }
    mutating func add(_ key: String, _ value: Double) { members.append((key, JSONValue(double: value))) }
    mutating func add(_ key: String, bytes: [UInt8]) { members.append((key, .string(Base64.encode(bytes)))) }
    mutating func add<E: ProtobufEnum>(_ key: String, _ value: E) {
        if let number = value.unrecognizedValue {
            members.append((key, .number(String(number))))
        } else {
            members.append((key, .string(value.protobufName)))
        }
    }
    mutating func add<M: ProtobufJSONEncodable>(_ key: String, _ value: M?) {
        if let value { members.append((key, value.protobufJSON)) }
    }
    mutating func add<M: ProtobufJSONEncodable>(_ key: String, _ values: [M]) {
        members.append((key, .array(values.map(\.protobufJSON))))
    }
    mutating func add(_ key: String, _ values: [String]) {
        members.append((key, .array(values.map(JSONValue.string))))
    }

    var object: JSONValue { .object(members) }
}

extension JSONValue {
    /// A float as proto3 JSON writes it: shortest round-trip digits, or the
    /// strings "NaN", "Infinity", "-Infinity".
    public init(float value: Float) {
        self.init(floatingPoint: value)
    }

    /// A double as proto3 JSON writes it (see ``init(float:)``).
    public init(double value: Double) {
        self.init(floatingPoint: value)
    }

    private init<Number: BinaryFloatingPoint & CustomStringConvertible>(floatingPoint value: Number) {
        if value.isNaN {
            self = .string("NaN")
        } else if value.isInfinite {
            self = .string(value < 0 ? "-Infinity" : "Infinity")
        } else if value == value.rounded(), abs(value) < 1e15 {
            self = .number(String(Int64(value)))
        } else {
            self = .number(value.description)
        }
    }
}
