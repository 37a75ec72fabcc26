/// One proposed attribution: a content span tied to a cue candidate (or to none) and a speaker.
struct AttributionCandidate: Sendable {
    /// Content, kind, speaker and cue as an attribution would carry them.
    var attribution: Attribution
    var origin: SpanOrigin
    /// Index of its cue in ``CandidateSet/cues``; `nil` for a quote no cue introduced.
    var cueIndex: Int?
    /// Whether the rules chose this same content for this cue.
    var isRuleChoice: Bool
    /// For the rules' own answer: its position among the rules' attributions (their order on ties).
    var ruleRank: Int? = nil

    /// Whether a speaker candidate lies inside this candidate's content.
    func contains(_ speaker: SpeakerCandidate) -> Bool {
        speaker.tokens.lowerBound >= self.attribution.firstToken && speaker.tokens.upperBound <= self.attribution.endToken
    }
}
