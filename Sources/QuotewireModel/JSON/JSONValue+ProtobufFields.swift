#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Readers of proto3 JSON field values, one per kind of field, for the
// generated decoders. `null` reads as the field's default; `field` is the
// JSON name, for errors.
extension JSONValue {
    /// The members of a message's object.
    func protobufMembers(of message: String) throws(JSONMappingError) -> [(key: String, value: JSONValue)] {
        guard case .object(let members) = self else {
            throw JSONMappingError(field: nil, reason: "\(message) must be a JSON object")
        }
        return members
    }

    func protobufString(_ field: String) throws(JSONMappingError) -> String {
        switch self {
        case .null: return ""
        case .string(var text):
            let hasNUL = text.withUTF8 { utf8 in utf8.baseAddress.map { memchr($0, 0, utf8.count) != nil } ?? false }
            if hasNUL { throw JSONMappingError(field: field, reason: "contains U+0000") }
            return text
        default: throw JSONMappingError(field: field, reason: "expected a string")
        }
    }

    func protobufStrings(_ field: String) throws(JSONMappingError) -> [String] {
        var strings: [String] = []
        for (index, element) in try protobufArray(field).enumerated() {
            guard element != .null else { throw JSONMappingError(field: "\(field)[\(index)]", reason: "expected a string") }
            strings.append(try element.protobufString("\(field)[\(index)]"))
        }
        return strings
    }

    func protobufBool(_ field: String) throws(JSONMappingError) -> Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        default: throw JSONMappingError(field: field, reason: "expected true or false")
        }
    }

    func protobufBytes(_ field: String) throws(JSONMappingError) -> [UInt8] {
        switch self {
        case .null: return []
        case .string(let text):
            guard let bytes = Base64.decode(text) else { throw JSONMappingError(field: field, reason: "bytes must be a base64 string") }
            return bytes
        default: throw JSONMappingError(field: field, reason: "bytes must be a base64 string")
        }
    }

    /// An integer field: a JSON number or a string holding one (64-bit
    /// integers are strings in proto3 JSON), whole and in range.
    func protobufInteger<Integer: FixedWidthInteger>(_ field: String) throws(JSONMappingError) -> Integer {
        let text: String
        switch self {
        case .null: return 0
        case .number(let number): text = number
        case .string(let number): text = number
        default: throw JSONMappingError(field: field, reason: "expected an integer")
        }
        if let value = Integer(text) { return value }
        // Exponent and fraction notation are accepted when the value is whole.
        if let value = Double(text), value.isFinite, value == value.rounded(), let exact = Integer(exactly: value) { return exact }
        throw JSONMappingError(field: field, reason: "\(text) is not a whole number that fits \(Integer.self)")
    }

    /// A float or double field: a JSON number, or a string holding one or
    /// `NaN`, `Infinity`, `-Infinity`.
    func protobufFloatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ field: String
    ) throws(JSONMappingError) -> Number {
        switch self {
        case .null: return 0
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .number(let text), .string(let text):
            guard let value = Number(text), value.isFinite else {
                throw JSONMappingError(field: field, reason: "\(text) is not a number that fits \(Number.self)")
            }
            return value
        default: throw JSONMappingError(field: field, reason: "expected a number")
        }
    }

    /// An enum field: the value's name in the proto, or its number.
    func protobufEnum<Enum: ProtobufEnum>(_ field: String) throws(JSONMappingError) -> Enum {
        switch self {
        case .null: return Enum(protobufValue: 0)
        case .string(let name):
            guard let value = Enum(protobufName: name) else {
                let names = Enum.cases.map(\.name).joined(separator: ", ")
                throw JSONMappingError(field: field, reason: "no value named \(name) (values: \(names))")
            }
            return value
        case .number(let text):
            guard let number = Int32(text) else { throw JSONMappingError(field: field, reason: "\(text) is not an enum number") }
            return Enum(protobufValue: number)
        default: throw JSONMappingError(field: field, reason: "expected an enum value's name")
        }
    }

    /// A singular message field; `null` means absent.
    func protobufMessage<Message: ProtobufJSONDecodable>(
        _ field: String, options: JSONDecodingOptions
    ) throws(JSONMappingError) -> Message? {
        if self == .null { return nil }
        do {
            return try Message(protobufJSON: self, options: options)
        } catch {
            throw error.inside(field)
        }
    }

    /// A repeated message field.
    func protobufMessages<Message: ProtobufJSONDecodable>(
        _ field: String, options: JSONDecodingOptions
    ) throws(JSONMappingError) -> [Message] {
        var messages: [Message] = []
        for (index, element) in try protobufArray(field).enumerated() {
            do {
                messages.append(try Message(protobufJSON: element, options: options))
            } catch {
                throw error.inside("\(field)[\(index)]")
            }
        }
        return messages
    }

    private func protobufArray(_ field: String) throws(JSONMappingError) -> [JSONValue] {
        switch self {
        case .null: return []
        case .array(let elements): return elements
        default: throw JSONMappingError(field: field, reason: "expected an array")
        }
    }
}
