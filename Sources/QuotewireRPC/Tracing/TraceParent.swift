/// A W3C `traceparent` value (`00-TRACEID-SPANID-FLAGS`): the trace a call
/// belongs to and the caller's span. Parsed leniently as the spec asks:
/// future versions may append fields; all-zero ids are invalid.
public struct TraceParent: Sendable, Hashable {
    /// The metadata key (ttrpc metadata keys are lower-case).
    public static let metadataKey = "traceparent"
    /// The companion key carrying vendor state, passed on unchanged.
    public static let stateMetadataKey = "tracestate"

    /// 32 lower-case hex digits.
    public var traceID: String
    /// 16 lower-case hex digits: the caller's span.
    public var parentSpanID: String
    /// The trace flags byte (bit 0: sampled).
    public var flags: UInt8

    public init?(_ text: String) {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count >= 4, let version = Self.hex(fields[0], digits: 2), version != 0xff,
            version != 0 || fields.count == 4,
            Self.isHex(fields[1], digits: 32), Self.isHex(fields[2], digits: 16),
            let flags = Self.hex(fields[3], digits: 2),
            fields[1].contains(where: { $0 != "0" }), fields[2].contains(where: { $0 != "0" })
        else { return nil }
        self.traceID = String(fields[1])
        self.parentSpanID = String(fields[2])
        self.flags = UInt8(flags)
    }

    /// The `traceparent` of a call's metadata, if it has a valid one.
    public init?(metadata: Metadata) {
        guard let value = metadata[Self.metadataKey] else { return nil }
        self.init(value)
    }

    private static func isHex(_ text: Substring, digits: Int) -> Bool {
        text.utf8.count == digits && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    private static func hex(_ text: Substring, digits: Int) -> Int? {
        Self.isHex(text, digits: digits) ? Int(text, radix: 16) : nil
    }
}
