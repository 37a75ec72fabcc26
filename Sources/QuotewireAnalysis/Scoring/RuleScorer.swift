/// Today's rules as a scorer: the rules' own choice keeps its rule confidence, every other candidate
/// scores zero. Choosing with it gives exactly what the rules alone give.
struct RuleScorer: AttributionScorer {
    var threshold: Float { Float.leastNonzeroMagnitude }
    /// The rules let a cue's content and a quote's overlap; reproducing them means allowing it.
    var requiresConsistency: Bool { false }

    func speakers(_ set: CandidateSet, _ index: DocumentIndex, chosen: [Int]) -> [Range<Int>?]? { nil }

    func scores(_ set: CandidateSet, _ index: DocumentIndex) -> [Float] {
        set.attributions.map { $0.origin == .ruleChoice ? $0.attribution.confidence : 0 }
    }
}
