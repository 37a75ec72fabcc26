/// What the lexicon knows of one inflected cue word.
struct CueEntry: Sendable {
    /// The lemma, e.g. `"say"`.
    var lemma: String
    var kind: CueKind
    var form: VerbForm
    /// The verb may take an addressee object before its content (`told reporters that`).
    var takesAddressee: Bool
}
