/// What the lexicon knows of one inflected cue word.
struct CueEntry: Sendable {
    /// The hash of the lemma, e.g. of `"say"`.
    var lemma: WordHash
    var kind: CueKind
    var form: VerbForm
    /// The verb may take an addressee object before its content (`told reporters that`).
    var takesAddressee: Bool
}
