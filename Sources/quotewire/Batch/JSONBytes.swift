import QuotewireModel

/// JSON written straight into a byte buffer: the batch path's output, where
/// building a ``JSONValue`` tree or appending to a `String` per field costs
/// more than the analysis of a short article.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// `"key":`
    mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// A JSON string with the escapes ``JSONValue`` writes (the two line
    /// separators U+2028 and U+2029 escaped too, for JavaScript consumers).
    mutating func string(_ text: String) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                // Skip eight bytes at a time while none needs a look: text is mostly plain.
                while index + 8 <= count, !Self.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                guard index < count else { break }
                let byte = utf8[index]
                let escape: StaticString?
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0xE2 where index + 2 < count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                default: escape = byte < 0x20 ? "" : nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                if escape.utf8CodeUnitCount == 0 {
                    raw("\\u00")
                    bytes.append(Self.hexDigit(byte >> 4))
                    bytes.append(Self.hexDigit(byte & 15))
                } else {
                    raw(escape)
                }
                index += byte == 0xE2 ? 3 : 1
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is below 0x20, `"`, `\\` or 0xE2 (the lead byte of
    /// U+2028 and U+2029): the bytes that may need an escape (SWAR, no false negatives).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let below = (word &- ones &* 0x20) & ~word & highs
        return below | hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C))
            | hasZeroByte(word ^ (ones &* 0xE2)) != 0
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// An unsigned integer in decimal.
    mutating func number(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    mutating func number(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        number(value.magnitude)
    }

    /// A float as proto3 JSON writes it (``JSONValue/init(float:)``).
    mutating func float(_ value: Float) {
        if value >= 0, value < 1e15, value == value.rounded() {
            number(UInt64(value))
            return
        }
        switch JSONValue(float: value) {
        case .string(let text): string(text)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        default: raw("0")
        }
    }

    /// An enum by its proto name, as ``ProtobufEnum/protobufName`` gives it but
    /// without searching the table of cases (a tenth of the batch output's time).
    mutating func enumeration(_ kind: ActorKind) {
        switch kind {
        case .unspecified: raw("\"ACTOR_KIND_UNSPECIFIED\"")
        case .person: raw("\"ACTOR_KIND_PERSON\"")
        case .organization: raw("\"ACTOR_KIND_ORGANIZATION\"")
        case .government: raw("\"ACTOR_KIND_GOVERNMENT\"")
        case .group: raw("\"ACTOR_KIND_GROUP\"")
        case .unrecognized(let value): number(Int64(value))
        }
    }

    mutating func enumeration(_ kind: QuoteKind) {
        switch kind {
        case .unspecified: raw("\"QUOTE_KIND_UNSPECIFIED\"")
        case .direct: raw("\"QUOTE_KIND_DIRECT\"")
        case .indirect: raw("\"QUOTE_KIND_INDIRECT\"")
        case .mixed: raw("\"QUOTE_KIND_MIXED\"")
        case .unrecognized(let value): number(Int64(value))
        }
    }
}
