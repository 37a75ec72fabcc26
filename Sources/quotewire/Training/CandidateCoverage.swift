@_spi(Training) import QuotewireAnalysis
import QuotewireEvaluation

/// Where gold contents are lost (`quotewire train --coverage N`): what the chooser did with the
/// candidates, and why no candidate matches the rest (no candidate shares their cue, or one does but
/// none of its spans reaches IoU 0.5: too long, too short, or shifted). It shows whether better
/// choosing or new candidates would raise recall.
struct CandidateCoverage {
    enum Kind: String, CaseIterable {
        /// A chosen candidate matches.
        case found
        /// A matching candidate exists; another span of its cue was chosen.
        case wrongSpan = "wrong-span"
        /// A matching candidate exists; nothing of its cue was chosen.
        case rejected
        case noCue = "no-cue"
        case tooLong = "too-long"
        case tooShort = "too-short"
        case shifted
        /// A chosen candidate that overlaps no gold content at all.
        case spurious
        /// A chosen candidate that overlaps gold contents but matches none.
        case overlapping
    }

    private(set) var counts: [Kind: Int] = [:]
    private(set) var examples: [(kind: Kind, line: String)] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    mutating func add(_ document: TrainingDocument, chosen: [Int], gold: [GoldAttribution], text: String, name: String) {
        let metric = AttributionMetric(text: text)
        let excerpt = TextExcerpt(text)
        func show(_ range: Range<Int>) -> String { excerpt.show([range], limit: 160) }
        let contents = document.contents.map { metric.trim([$0]).first }
        let goldContents = gold.map { metric.trim($0.content) }
        func matches(_ gold: Int, _ candidate: Int) -> Bool {
            contents[candidate].map { AttributionMetric.iou(goldContents[gold], $0) >= AttributionMetric.threshold } ?? false
        }
        for (position, attribution) in gold.enumerated() where !goldContents[position].isEmpty {
            let trimmed = goldContents[position]
            let sharing = document.contents.indices.filter { candidate in
                guard let cue = document.cues[candidate] else { return false }
                return AttributionMetric.overlaps(attribution.cue, cue)
            }
            var best: Range<Int>?
            let kind: Kind
            if chosen.contains(where: { matches(position, $0) }) {
                kind = .found
            } else if document.contents.indices.contains(where: { matches(position, $0) }) {
                let other = chosen.first { sharing.contains($0) }
                best = other.flatMap { contents[$0] }
                kind = other == nil ? .rejected : .wrongSpan
            } else if sharing.isEmpty {
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
            let cue = attribution.cue.map(show).joined(separator: " | ")
            let content = trimmed.map(show).joined(separator: " | ")
            self.count(kind, "[\(cue)] {\(content)}" + (best.map { " ~~ {\(show($0))}" } ?? ""), name)
        }
        for candidate in chosen where !gold.indices.contains(where: { matches($0, candidate) }) {
            guard let content = contents[candidate] else { continue }
            let overlaps = goldContents.contains { AttributionMetric.overlaps($0, content) }
            let cue = document.cues[candidate].map(show) ?? ""
            self.count(overlaps ? .overlapping : .spurious, "[\(cue)] {\(show(content))}", name)
        }
    }

    private mutating func count(_ kind: Kind, _ line: String, _ name: String) {
        self.counts[kind, default: 0] += 1
        guard kind != .found, self.examples.filter({ $0.kind == kind }).count < self.limit else { return }
        self.examples.append((kind, "\(kind.rawValue) \(name.prefix(40)) \(line)"))
    }

    func report() -> [String] {
        var lines = ["coverage: " + Kind.allCases.map { "\($0.rawValue) \(self.counts[$0, default: 0])" }.joined(separator: ", ")]
        lines += self.examples.sorted { $0.kind.rawValue < $1.kind.rawValue }.map(\.line)
        return lines
    }
}
