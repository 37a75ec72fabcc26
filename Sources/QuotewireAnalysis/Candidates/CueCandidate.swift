/// A word (or phrase) that may report an attribution, with what was found around it.
struct CueCandidate: Sendable {
    var cue: Cue
    /// How often this word was part of a cue in the training corpus, among all its occurrences.
    var prior: Float
    /// The rules' cue finder accepted it (a lexicon verb in a verb position).
    var isRuleCue: Bool
    /// The speaker mention next to it, if one was found: the rules' choice, else the first found.
    var speaker: Range<Int>?
    /// Where its speaker candidates stand in ``CandidateSet/speakers`` (one flat list for the
    /// document: a list per cue costs an allocation per cue, which a body of 200,000 cues feels).
    var speakers: Range<Int> = 0..<0
}
