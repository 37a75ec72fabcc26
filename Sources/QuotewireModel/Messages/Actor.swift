/// Someone who speaks, demands or is addressed, with every mention of them
/// (`quotewire.v1.Actor`).
public struct Actor: Sendable, Hashable {
    /// Identifier unique within one response, e.g. `"a1"`.
    public var id: String
    /// The fullest name found, e.g. `"Karoline Leavitt"`.
    public var name: String
    /// Title or role, e.g. `"Press Secretary"`; empty when none was found.
    public var title: String
    /// Affiliation, e.g. `"White House"`; empty when none was found.
    public var affiliation: String
    /// Person, organization, government body or group.
    public var kind: ActorKind
    /// Every mention: names, aliases, titles and pronouns.
    public var mentions: [Span]

    public init(
        id: String = "", name: String = "", title: String = "", affiliation: String = "",
        kind: ActorKind = .unspecified, mentions: [Span] = []
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.affiliation = affiliation
        self.kind = kind
        self.mentions = mentions
    }
}
