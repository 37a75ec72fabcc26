extension Article {
    /// Whether the body is English: `language` empty (the proto's default),
    /// `en`, or an English BCP 47 tag such as `en-GB` (case-insensitive).
    public var isEnglish: Bool {
        let tag = language.lowercased()
        return tag.isEmpty || tag == "en" || tag.hasPrefix("en-") || tag.hasPrefix("en_")
    }
}
