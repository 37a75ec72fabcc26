import QuotewireModel

/// A mention split into affiliation, title and name (`Minnesota` `Governor` `Tim Walz`).
struct ParsedMention: Sendable {
    enum Form: Sendable {
        /// `he`, `she`, `they`, `it`.
        case pronoun(WordHash)
        /// A capitalized name, possibly with a title before it.
        case named
        /// A description: `the press secretary`, `officials`.
        case descriptive
    }

    var form: Form
    /// The whole mention without a leading determiner or trailing appositive.
    var core: Range<Int>
    var name: Range<Int>
    var title: Range<Int>
    var affiliation: Range<Int>
    var kind: ActorKind
    var gender: Gender
    /// ``ActorRecord/key`` for named mentions.
    var key: WordHash
}
