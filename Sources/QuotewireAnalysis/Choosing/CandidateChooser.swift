/// Chooses the best-scoring consistent set of attribution candidates: highest score first, at or above
/// the scorer's threshold, at most one content per cue, and no two contents claiming the same words
/// unless one nests well inside the other.
struct CandidateChooser: Sendable {
    /// Two contents overlapping this much (intersection over union) are the same claim.
    static let sameClaim = 0.5

    /// Whether contents must be consistent with each other; the rules alone never required it.
    var requiresConsistency = true

    /// The indices of the chosen candidates, in text order.
    func choose(_ set: CandidateSet, scores: [Float], threshold: Float) -> [Int] {
        let order = set.attributions.indices.filter { scores[$0] >= threshold }.sorted { lhs, rhs in
            if scores[lhs] != scores[rhs] { return scores[lhs] > scores[rhs] }
            return lhs < rhs
        }
        var cueTaken = [Bool](repeating: false, count: set.cues.count)
        // Chosen contents sorted by start, so each conflict check looks at the neighbours only.
        var chosen: [(range: Range<Int>, candidate: Int)] = []
        var longest = 0
        for candidate in order {
            let attribution = set.attributions[candidate].attribution
            if let cue = set.attributions[candidate].cueIndex, cueTaken[cue] { continue }
            let range = attribution.content
            let insertion = Self.insertionPoint(of: range, in: chosen)
            if self.requiresConsistency, self.conflicts(range, chosen, around: insertion, longest: longest) { continue }
            if let cue = set.attributions[candidate].cueIndex { cueTaken[cue] = true }
            longest = max(longest, range.count)
            chosen.insert((range, candidate), at: insertion)
        }
        return chosen.map(\.candidate)
    }

    private func conflicts(
        _ range: Range<Int>, _ chosen: [(range: Range<Int>, candidate: Int)], around insertion: Int, longest: Int
    ) -> Bool {
        // Earlier starts: only those within the longest chosen content can still reach this range.
        var position = insertion - 1
        while position >= 0, chosen[position].range.lowerBound + longest > range.lowerBound {
            if Self.isSameClaimOrCrossing(chosen[position].range, range) { return true }
            position -= 1
        }
        position = insertion
        while position < chosen.count, chosen[position].range.lowerBound < range.upperBound {
            if Self.isSameClaimOrCrossing(chosen[position].range, range) { return true }
            position += 1
        }
        return false
    }

    /// Crossing spans (neither inside the other) conflict; nested ones only when they are nearly the same.
    static func isSameClaimOrCrossing(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        let intersection = lhs.clamped(to: rhs).count
        guard intersection > 0 else { return false }
        let nested = intersection == lhs.count || intersection == rhs.count
        if !nested { return true }
        let union = lhs.count + rhs.count - intersection
        return Double(intersection) >= Self.sameClaim * Double(union)
    }

    private static func insertionPoint(of range: Range<Int>, in chosen: [(range: Range<Int>, candidate: Int)]) -> Int {
        var low = 0
        var high = chosen.count
        while low < high {
            let middle = (low + high) / 2
            if chosen[middle].range.lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
