/// A message read from its proto3 JSON: either field name (lowerCamelCase or
/// the proto's), `null` for the default, enums by name or number, 64-bit
/// integers as strings or numbers, bytes as base64, and a string holding
/// U+0000 refused, as the protobuf codec refuses it. The conformances are
/// generated from proto/ (`scripts/generate-proto.sh`).
public protocol ProtobufJSONDecodable {
    /// Reads the message from proto3 JSON; an error names the field (`article.body`).
    init(protobufJSON json: JSONValue, options: JSONDecodingOptions) throws(JSONMappingError)
}

/// How strictly proto3 JSON is read.
public struct JSONDecodingOptions: Sendable, Hashable {
    /// Whether a member that is no field of its message is skipped rather than an error.
    public var ignoresUnknownFields: Bool

    public init(ignoresUnknownFields: Bool = false) {
        self.ignoresUnknownFields = ignoresUnknownFields
    }

    /// Every member must be a field (what `quotewire call` reads).
    public static let strict = JSONDecodingOptions()
    /// Members of no field are skipped (article files carry metadata of their own).
    public static let ignoringUnknownFields = JSONDecodingOptions(ignoresUnknownFields: true)

    /// Called for a member of no field of `message`, whose fields are `fields`.
    func unknownField(_ key: String, of message: String, fields: [String]) throws(JSONMappingError) {
        if ignoresUnknownFields { return }
        throw JSONMappingError(field: key, reason: "\(message) has no such field (fields: \(fields.joined(separator: ", ")))")
    }
}
