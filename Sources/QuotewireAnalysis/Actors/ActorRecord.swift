import QuotewireModel

/// What the registry knows of one actor while it reads.
struct ActorRecord: Sendable {
    var name: String
    var title: String
    var affiliation: String
    var kind: ActorKind
    var gender: Gender
    /// Hash of the last name word (the surname of a person).
    var key: WordHash
    /// Mentions as token ranges, in the order found.
    var mentions: [Range<Int>]
    /// Whether the actor speaks, demands or is addressed.
    var isReferenced: Bool
}
