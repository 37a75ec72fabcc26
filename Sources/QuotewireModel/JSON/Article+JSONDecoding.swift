#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Article {
    /// Decodes the proto3 JSON of an Article: the lowerCamelCase or the
    /// original field names, `published` accepted for `publishedAt` (an RFC
    /// 3339 time), `null` meaning the default, and members of no Article field
    /// ignored, since article files carry metadata of their own. A string
    /// holding U+0000 is refused, as the protobuf codec refuses it.
    public init(protobufJSON json: JSONValue) throws(JSONMappingError) {
        guard case .object(let members) = json else { throw JSONMappingError(field: nil, reason: "an article must be a JSON object") }
        self.init()
        for (key, value) in members {
            switch key {
            case "id": id = try Self.string(value, key)
            case "url": url = try Self.string(value, key)
            case "source": source = try Self.string(value, key)
            case "title": title = try Self.string(value, key)
            case "body": body = try Self.string(value, key)
            case "language": language = try Self.string(value, key)
            case "publishedAt", "published_at", "published":
                let text = try Self.string(value, key)
                if text.isEmpty { continue }
                guard let time = Timestamp(rfc3339: text) else {
                    throw JSONMappingError(field: key, reason: "not an RFC 3339 time: \"\(text)\"")
                }
                publishedAt = time
            default: continue
            }
        }
    }

    private static func string(_ value: JSONValue, _ field: String) throws(JSONMappingError) -> String {
        switch value {
        case .null: return ""
        case .string(var text):
            let hasNUL = text.withUTF8 { utf8 in utf8.baseAddress.map { memchr($0, 0, utf8.count) != nil } ?? false }
            if hasNUL { throw JSONMappingError(field: field, reason: "contains U+0000") }
            return text
        default: throw JSONMappingError(field: field, reason: "expected a string")
        }
    }
}

/// A JSON document that does not map onto a message: the field and what was wrong.
public struct JSONMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON member name, or nil when the document as a whole is wrong.
    public let field: String?
    public let reason: String

    public init(field: String?, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { field.map { "field \($0): \(reason)" } ?? reason }
}
