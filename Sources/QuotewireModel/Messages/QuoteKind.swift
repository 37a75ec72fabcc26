/// How a quote renders the speaker's words (`quotewire.v1.QuoteKind`).
public enum QuoteKind: Sendable, Hashable {
    /// Not determined.
    case unspecified
    /// The speaker's words inside quote marks.
    case direct
    /// Reported speech without quote marks.
    case indirect
    /// Reported speech quoting some of the speaker's words.
    case mixed
    /// A value this version does not know, kept as it came.
    case unrecognized(Int32)
}

extension QuoteKind: ProtobufEnum {
    public static let cases: [(value: Int32, name: String, case: QuoteKind)] = [
        (0, "QUOTE_KIND_UNSPECIFIED", .unspecified),
        (1, "QUOTE_KIND_DIRECT", .direct),
        (2, "QUOTE_KIND_INDIRECT", .indirect),
        (3, "QUOTE_KIND_MIXED", .mixed),
    ]

    public var unrecognizedValue: Int32? {
        if case .unrecognized(let value) = self { return value }
        return nil
    }
}
