/// Each known word's usual part of speech, as a small class number (learned from the tagged training
/// lexicon): features that look at a word's class generalise where its hash alone is too rare.
struct WordClasses: Sendable {
    private let table: WordTable<UInt8>

    /// Class numbers: `0` is an unknown word; `quotewire train` maps Penn Treebank tags to the others.
    init(_ classes: [(word: String, wordClass: UInt8)]) {
        self.table = WordTable(classes.map { (WordHash($0.word), $0.wordClass) })
    }

    /// The class of a token: its word's class, or its kind for punctuation and numbers.
    func of(_ token: Token) -> UInt64 {
        guard token.kind == .word else { return 64 + UInt64(token.kind.rawValue) }
        return UInt64(self.table[token.hash] ?? 0)
    }
}
