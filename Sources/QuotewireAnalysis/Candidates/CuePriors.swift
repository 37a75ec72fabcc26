/// The learned cue lexicon: for each word seen often enough as part of a cue in the training corpus,
/// the share of its occurrences that were.
struct CuePriors: Sendable {
    private let table: WordTable<Float>
    /// Words below this prior are not proposed as cues unless the rules' cue finder accepts them.
    let minimumPrior: Float

    init(_ priors: [(word: String, prior: Float)], minimumPrior: Float) {
        self.table = WordTable(priors.map { (WordHash($0.word), $0.prior) })
        self.minimumPrior = minimumPrior
    }

    /// The prior of a word, `0` if it was never (or too rarely) a cue.
    func prior(_ hash: WordHash) -> Float {
        self.table[hash] ?? 0
    }

    /// Whether a word is proposed as a cue on its own.
    func proposes(_ hash: WordHash) -> Bool {
        self.proposes(prior: self.prior(hash))
    }

    /// Whether a word of this prior is proposed as a cue on its own.
    func proposes(prior: Float) -> Bool {
        prior >= self.minimumPrior
    }
}
