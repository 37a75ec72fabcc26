extension AnyMessage: ProtobufJSONEncodable {
    /// Without the type registry the proto3 mapping needs to unfold the value,
    /// it is written as its type URL and base64 bytes.
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("@type", typeURL)
        json.add("value", bytes: value)
        return json.object
    }
}

extension AnyMessage: ProtobufJSONDecodable {
    /// Reads what ``protobufJSON`` writes: `{"@type": URL, "value": base64}`.
    public init(protobufJSON json: JSONValue, options: JSONDecodingOptions) throws(JSONMappingError) {
        self.init()
        for (key, value) in try json.protobufMembers(of: "Any") {
            switch key {
            case "@type": typeURL = try value.protobufString(key)
            case "value": self.value = try value.protobufBytes(key)
            default: try options.unknownField(key, of: "Any", fields: ["@type", "value"])
            }
        }
    }
}
