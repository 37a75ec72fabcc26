/// A word (or phrase) that may report an attribution, with what was found around it.
struct CueCandidate: Sendable {
    var cue: Cue
    /// How often this word was part of a cue in the training corpus, among all its occurrences.
    var prior: Float
    /// The rules' cue finder accepted it (a lexicon verb in a verb position).
    var isRuleCue: Bool
    /// The speaker mention next to it, if one was found: the rules' choice, else the first found.
    var speaker: Range<Int>?
    /// Every speaker mention proposed for it, for a scorer to choose from.
    var speakers: [SpeakerCandidate] = []
}
