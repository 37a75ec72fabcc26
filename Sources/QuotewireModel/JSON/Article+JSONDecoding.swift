extension Article {
    /// Decodes an article as article files (JSON Lines) carry it: the proto3
    /// JSON of `Article` (``init(protobufJSON:options:)``), with members of
    /// no Article field ignored, since such files carry metadata of their
    /// own, and `published` accepted for `publishedAt`, an empty or `null`
    /// time meaning none.
    public init(protobufJSON json: JSONValue) throws(JSONMappingError) {
        guard case .object(let members) = json else { throw JSONMappingError(field: nil, reason: "an article must be a JSON object") }
        let times: Set<String> = ["publishedAt", "published_at", "published"]
        let renamed = members.compactMap { member -> (key: String, value: JSONValue)? in
            guard times.contains(member.key) else { return member }
            if member.value == .null || member.value == .string("") { return nil }
            return (member.key == "published" ? "publishedAt" : member.key, member.value)
        }
        do {
            try self.init(protobufJSON: .object(renamed), options: .ignoringUnknownFields)
        } catch {
            // Name the member as the file wrote it.
            if error.field == "publishedAt", members.contains(where: { $0.key == "published" }),
                !members.contains(where: { $0.key == "publishedAt" })
            {
                throw JSONMappingError(field: "published", reason: error.reason)
            }
            throw error
        }
    }
}
