import QuotewireModel

/// What the registry knows of one actor while it reads; names are token
/// ranges until the response is built.
struct ActorRecord: Sendable {
    /// The fullest name found, as tokens.
    var name: Range<Int>
    var title: Range<Int>
    var affiliation: Range<Int>
    var kind: ActorKind
    var gender: Gender
    /// Hash of the last word of the title (`secretary`), if any.
    var titleHead: WordHash?
    /// Hash of the last name word (the surname of a person).
    var key: WordHash
    /// Mentions as token ranges, in the order found (may repeat).
    var mentions: [Range<Int>]
    /// Whether the actor speaks, demands or is addressed.
    var isReferenced: Bool
}
