/// The finite verbs of the sentence being proposed for (``MentionFinder/isFiniteVerb(_:)``) and their
/// subjects, found once for all the sentence's cues and only as far into it as its cues reach.
struct FiniteVerbCache {
    private var sentence = Sentence(first: -1, end: -1)
    /// Tokens of the sentence before this one have been looked at.
    private var scanned = 0
    private var positions: [Int] = []
    /// The subject of each verb once asked for (`nil` inside: none that can name a speaker).
    private var subjects: [Range<Int>??] = []

    /// The verbs found so far, in text order: every finite verb of `sentence` before `limit`.
    mutating func verbs(
        of sentence: Sentence, before limit: Int, _ tokens: [Token], _ finder: MentionFinder
    ) -> ArraySlice<Int> {
        if sentence != self.sentence {
            self.sentence = sentence
            self.scanned = sentence.first
            self.positions.removeAll(keepingCapacity: true)
            self.subjects.removeAll(keepingCapacity: true)
        }
        let end = min(limit, sentence.end)
        while self.scanned < end {
            if finder.isFiniteVerb(tokens[self.scanned]) {
                self.positions.append(self.scanned)
                self.subjects.append(.none)
            }
            self.scanned += 1
        }
        var count = self.positions.count
        while count > 0, self.positions[count - 1] >= limit { count -= 1 }
        return self.positions[..<count]
    }

    /// The subject of the verb at `slot` of ``verbs(of:before:_:_:)``, found by `find` the first time.
    mutating func subject(ofVerb slot: Int, _ find: (Int) -> Range<Int>?) -> Range<Int>? {
        if case .some(let known) = self.subjects[slot] { return known }
        let found = find(self.positions[slot])
        self.subjects[slot] = .some(found)
        return found
    }
}
