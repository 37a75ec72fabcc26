/// The unit in which spans count positions (`quotewire.v1.OffsetUnit`).
public enum OffsetUnit: Sendable, Hashable {
    /// UTF-8 bytes (the default).
    case utf8
    /// UTF-16 code units.
    case utf16
    /// Unicode scalar values, as Python strings and brat index.
    case unicodeScalar
    /// A value this version does not know, kept as it came.
    case unrecognized(Int32)
}

extension OffsetUnit: ProtobufEnum {
    public static let cases: [(value: Int32, name: String, case: OffsetUnit)] = [
        (0, "OFFSET_UNIT_UTF8", .utf8),
        (1, "OFFSET_UNIT_UTF16", .utf16),
        (2, "OFFSET_UNIT_UNICODE_SCALAR", .unicodeScalar),
    ]

    public var unrecognizedValue: Int32? {
        if case .unrecognized(let value) = self { return value }
        return nil
    }
}
