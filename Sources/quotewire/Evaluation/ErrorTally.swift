/// The lines of an `eval --errors` listing: each error counted by kind, the first `limit` kept with
/// their document, and a summary line of the counts.
struct ErrorTally {
    let limit: Int
    private var counts: [String: Int] = [:]
    private var lines: [String] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts an error of `kind` in `document`; keeps its line while fewer than `limit` are kept.
    mutating func add(_ kind: String, in document: String, _ text: String) {
        self.counts[kind, default: 0] += 1
        if self.lines.count < self.limit { self.lines.append("\(kind) \(document) \(text)") }
    }

    /// `title: kind count, ...` for `kinds`, then the kept lines.
    func report(_ title: String, kinds: [String]) -> String {
        let summary = kinds.map { "\($0) \(self.counts[$0, default: 0])" }.joined(separator: ", ")
        return (["\(title): \(summary)"] + self.lines).joined(separator: "\n")
    }
}
