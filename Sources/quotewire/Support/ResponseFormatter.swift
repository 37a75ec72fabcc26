import QuotewireModel

/// Renders an AnalyzeResponse as readable text: each quote with its speaker
/// and cue, each demand as `demander → addressee: action`.
struct ResponseFormatter {
    /// Width at which quote text is cut with an ellipsis (0: never).
    var maxQuoteLength = 300

    func format(_ response: AnalyzeResponse, source: String) -> String {
        let actors = Dictionary(response.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines = ["== \(source): \(count(response.quotes.count, "quote")), \(count(response.demands.count, "demand"))"]
        for quote in response.quotes {
            let speaker = actors[quote.speakerID].map(describe) ?? "(unknown speaker)"
            let cue = quote.cue.isEmpty ? "" : " · \(quote.cue)"
            lines.append("  \(quote.id) \(CSVRows.kindName(quote.kind)): \(speaker)\(cue)  [\(confidence(quote.confidence))]")
            lines.append("     “\(shorten(quote.text))”")
        }
        for demand in response.demands {
            let demander = actors[demand.demanderID]?.name ?? "(unknown)"
            let addressee = actors[demand.addresseeID]?.name ?? "(unknown)"
            var line = "  \(demand.id) \(demander) → \(addressee): \(shorten(demand.action))"
            var notes: [String] = []
            if !demand.cue.isEmpty { notes.append("cue “\(demand.cue)”") }
            if !demand.quoteID.isEmpty { notes.append("reported in \(demand.quoteID)") }
            notes.append("confidence \(confidence(demand.confidence))")
            if !notes.isEmpty { line += "  (\(notes.joined(separator: "; ")))" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ actor: Actor) -> String {
        let details = [actor.title, actor.affiliation].filter { !$0.isEmpty }
        return details.isEmpty ? actor.name : "\(actor.name) (\(details.joined(separator: ", ")))"
    }

    private func confidence(_ value: Float) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private func shorten(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard maxQuoteLength > 0, flat.count > maxQuoteLength else { return flat }
        return String(flat.prefix(maxQuoteLength)) + "…"
    }

    private func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
