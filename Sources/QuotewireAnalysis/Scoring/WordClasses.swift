/// Each known word's usual part of speech, as a small class number (learned from the tagged training
/// lexicon): features that look at a word's class generalise where its hash alone is too rare.
struct WordClasses: Sendable {
    private let table: WordTable<UInt8>
    /// The words whose class is a finite verb: a set of its own, whose filter turns most other words
    /// away without reading the large table.
    private let finiteVerbs: WordSet

    /// Classes of finite verbs: past, present and modal.
    static let finiteVerbClasses: Set<UInt8> = WordClass.rawValues([.pastVerb, .baseVerb, .presentVerb, .modal])

    /// Words and their ``WordClass`` raw values.
    init(_ classes: [(word: String, wordClass: UInt8)]) {
        self.table = WordTable(classes.map { (WordHash($0.word), $0.wordClass) })
        self.finiteVerbs = WordSet(classes.filter { Self.finiteVerbClasses.contains($0.wordClass) }.map { WordHash($0.word) })
    }

    /// Whether a word's class is a finite verb.
    func isFiniteVerb(_ word: WordHash) -> Bool {
        self.finiteVerbs.contains(word)
    }

    /// The class of a token: its word's class, or its kind for punctuation and numbers.
    func of(_ token: Token) -> UInt64 {
        guard token.kind == .word else { return 64 + UInt64(token.kind.rawValue) }
        return UInt64(self.table[token.hash] ?? 0)
    }
}
