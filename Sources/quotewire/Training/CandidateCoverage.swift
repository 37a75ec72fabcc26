@_spi(Training) import QuotewireAnalysis
import QuotewireEvaluation

/// Why gold contents have no matching candidate (`quotewire train --coverage N`): no candidate shares
/// their cue, or one does but none of its spans reaches IoU 0.5 (too long, too short, or shifted).
/// It shows where new candidates would raise the recall a perfect chooser reaches.
struct CandidateCoverage {
    enum Kind: String, CaseIterable {
        case noCue = "no-cue"
        case tooLong = "too-long"
        case tooShort = "too-short"
        case shifted
    }

    private(set) var counts: [Kind: Int] = [:]
    private(set) var examples: [(kind: Kind, line: String)] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    mutating func add(_ document: TrainingDocument, gold: [GoldAttribution], text: String, name: String) {
        let metric = AttributionMetric(text: text)
        let scalars = Array(text.unicodeScalars)
        func show(_ range: Range<Int>) -> String {
            let clamped = range.clamped(to: 0..<scalars.count)
            var result = String(String.UnicodeScalarView(scalars[clamped])).replacingOccurrences(of: "\n", with: " ")
            if result.count > 160 { result = String(result.prefix(160)) + "…" }
            return result
        }
        let contents = document.contents.map { metric.trim([$0]).first }
        for attribution in gold {
            let trimmed = metric.trim(attribution.content)
            guard !trimmed.isEmpty else { continue }
            let reached = contents.contains { $0.map { AttributionMetric.iou(trimmed, $0) >= AttributionMetric.threshold } ?? false }
            if reached { continue }
            let sharing = document.contents.indices.filter { position in
                guard let cue = document.cues[position] else { return false }
                return AttributionMetric.overlaps(attribution.cue, cue)
            }
            let kind: Kind
            var best: Range<Int>?
            if sharing.isEmpty {
                kind = .noCue
            } else {
                let scored = sharing.compactMap { contents[$0] }.map { ($0, AttributionMetric.iou(trimmed, $0)) }
                best = scored.max { $0.1 < $1.1 }?.0
                let goldLength = trimmed.reduce(0) { $0 + $1.count }
                if let best, best.count > goldLength, trimmed.contains(where: { $0.overlaps(best) }) {
                    kind = .tooLong
                } else if let best, trimmed.contains(where: { $0.overlaps(best) }) {
                    kind = .tooShort
                } else {
                    kind = .shifted
                }
            }
            self.counts[kind, default: 0] += 1
            if self.examples.count < self.limit * Kind.allCases.count,
                self.examples.filter({ $0.kind == kind }).count < self.limit
            {
                let cue = attribution.cue.map(show).joined(separator: " | ")
                let content = trimmed.map(show).joined(separator: " | ")
                let predicted = best.map { " ~~ best {\(show($0))}" } ?? ""
                self.examples.append((kind, "\(kind.rawValue) \(name.prefix(40)) [\(cue)] {\(content)}\(predicted)"))
            }
        }
    }

    func report() -> [String] {
        let total = self.counts.values.reduce(0, +)
        var lines = ["coverage: \(total) gold contents without a matching candidate: "
            + Kind.allCases.map { "\($0.rawValue) \(self.counts[$0, default: 0])" }.joined(separator: ", ")]
        lines += self.examples.sorted { $0.kind.rawValue < $1.kind.rawValue }.map(\.line)
        return lines
    }
}
