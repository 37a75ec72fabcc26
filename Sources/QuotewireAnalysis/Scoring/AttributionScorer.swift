/// The seam between proposing and choosing: gives each attribution candidate a score in `0...1`,
/// read as the probability that it is a real attribution with the right content.
///
/// ``CandidateChooser`` keeps the best-scoring consistent set of candidates at or above
/// ``threshold``; the score, calibrated by ``confidence(_:)``, becomes the quote's `confidence`.
protocol AttributionScorer: Sendable {
    /// Candidates scoring below this are never chosen.
    var threshold: Float { get }

    /// Whether the chosen contents must not cross or repeat each other (see ``CandidateChooser``).
    var requiresConsistency: Bool { get }

    /// Scores every candidate of one document, in the order of `set.attributions`.
    func scores(_ set: CandidateSet, _ index: DocumentIndex) -> [Float]

    /// The speaker of each of the `chosen` candidates (indices into `set.attributions`, each with a
    /// cue); `nil` keeps the proposer's.
    func speakers(_ set: CandidateSet, _ index: DocumentIndex, chosen: [Int]) -> [Range<Int>?]?

    /// The `confidence` a chosen candidate's score stands for.
    func confidence(_ score: Float) -> Float
}

extension AttributionScorer {
    func confidence(_ score: Float) -> Float { score }
}
