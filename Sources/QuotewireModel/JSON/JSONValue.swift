/// A JSON document as the proto3 JSON mapping produces it. Objects keep
/// their keys in insertion order so output follows the .proto field order.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value), .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let members):
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }

    /// The member named `key` of an object, if any.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

extension JSONValue {
    /// The JSON text: compact on one line, or indented by two spaces.
    public func serialized(pretty: Bool = false) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .array(let values):
            writeContainer(
                values.map { (key: String?.none, value: $0) }, open: "[", close: "]", to: &output, pretty: pretty,
                indent: indent)
        case .object(let members):
            writeContainer(
                members.map { (key: Optional($0.key), value: $0.value) }, open: "{", close: "}", to: &output,
                pretty: pretty, indent: indent)
        }
    }

    private func writeContainer(
        _ items: [(key: String?, value: JSONValue)], open: String, close: String, to output: inout String,
        pretty: Bool, indent: Int
    ) {
        output += open
        guard !items.isEmpty else {
            output += close
            return
        }
        let inner = String(repeating: " ", count: (indent + 1) * 2)
        for (index, item) in items.enumerated() {
            if index > 0 { output += "," }
            if pretty { output += "\n" + inner }
            if let key = item.key {
                JSONValue.writeString(key, to: &output)
                output += pretty ? ": " : ":"
            }
            item.value.write(to: &output, pretty: pretty, indent: indent + 1)
        }
        if pretty { output += "\n" + String(repeating: " ", count: indent * 2) }
        output += close
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
