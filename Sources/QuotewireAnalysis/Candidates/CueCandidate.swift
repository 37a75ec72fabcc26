/// A word (or phrase) that may report an attribution, with what was found around it.
struct CueCandidate: Sendable {
    var cue: Cue
    /// How often this word was part of a cue in the training corpus, among all its occurrences.
    var prior: Float
    /// The rules' cue finder accepted it (a lexicon verb in a verb position).
    var isRuleCue: Bool
    /// The speaker mention next to it, if one was found.
    var speaker: Range<Int>?
}
