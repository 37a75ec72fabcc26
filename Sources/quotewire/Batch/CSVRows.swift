import QuotewireModel

/// The CSV output: one row per quote and one per demand, flat columns that a
/// spreadsheet or pandas reads (RFC 4180 quoting, UTF-8). The columns are the
/// Python client's `to_rows()` keys.
enum CSVRows {
    static let columns = [
        "article_id", "kind", "speaker", "speaker_title", "cue", "text", "start", "end", "confidence",
        "demander", "addressee", "action",
    ]

    static var header: String { columns.joined(separator: ",") + "\r\n" }

    /// The rows of one response. A demand's `speaker` and `speaker_title` are its demander's,
    /// its `text`, `start` and `end` those of the demanded action.
    static func write(_ response: AnalyzeResponse, to output: inout [UInt8]) {
        let actors = Dictionary(response.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for quote in response.quotes {
            let speaker = actors[quote.speakerID]
            row([
                response.articleID, kindName(quote.kind), speaker?.name ?? "", speaker?.title ?? "", quote.cue, quote.text,
                String(quote.span?.start ?? 0), String(quote.span?.end ?? 0), confidence(quote.confidence), "", "", "",
            ], to: &output)
        }
        for demand in response.demands {
            let demander = actors[demand.demanderID]
            let addressee = actors[demand.addresseeID]
            row([
                response.articleID, "demand", demander?.name ?? "", demander?.title ?? "", demand.cue, demand.action,
                String(demand.actionSpan?.start ?? 0), String(demand.actionSpan?.end ?? 0), confidence(demand.confidence),
                demander?.name ?? "", addressee?.name ?? "", demand.action,
            ], to: &output)
        }
    }

    static func kindName(_ kind: QuoteKind) -> String {
        switch kind {
        case .direct: return "direct"
        case .indirect: return "indirect"
        case .mixed: return "mixed"
        case .unspecified, .unrecognized: return "quote"
        }
    }

    private static func confidence(_ value: Float) -> String {
        if case .number(let text) = JSONValue(float: value) { return text }
        return "0"
    }

    private static func row(_ fields: [String], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else {
                output.append(contentsOf: field.utf8)
                continue
            }
            output.append(UInt8(ascii: "\""))
            for byte in field.utf8 {
                if byte == UInt8(ascii: "\"") { output.append(byte) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "\""))
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    /// The first field of each complete record of a CSV text, with the byte
    /// offsets where the record starts and ends; a record cut off at the end is left out.
    static func firstFields(of bytes: [UInt8]) -> [(field: String, offset: Int, end: Int)] {
        var records: [(String, Int, Int)] = []
        var index = 0
        while index < bytes.count {
            let start = index
            var field: [UInt8] = []
            var fieldNumber = 0
            var inQuotes = false
            var complete = false
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if inQuotes {
                    if byte == UInt8(ascii: "\"") {
                        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                            if fieldNumber == 0 { field.append(byte) }
                            index += 1
                        } else {
                            inQuotes = false
                        }
                    } else if fieldNumber == 0 {
                        field.append(byte)
                    }
                } else if byte == UInt8(ascii: "\"") {
                    inQuotes = true
                } else if byte == UInt8(ascii: ",") {
                    fieldNumber += 1
                } else if byte == 0x0A {
                    complete = true
                    break
                } else if byte != 0x0D, fieldNumber == 0 {
                    field.append(byte)
                }
            }
            guard complete else { break }
            records.append((String(decoding: field, as: UTF8.self), start, index))
        }
        return records
    }
}
