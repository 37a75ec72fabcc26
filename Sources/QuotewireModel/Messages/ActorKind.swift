/// What kind of actor a speaker or demander is (`quotewire.v1.ActorKind`).
public enum ActorKind: Sendable, Hashable {
    /// Not determined.
    case unspecified
    /// A named or described person.
    case person
    /// A company, party, newspaper or other organization.
    case organization
    /// A government, agency or public body.
    case government
    /// A group of people or institutions.
    case group
    /// A value this version does not know, kept as it came.
    case unrecognized(Int32)
}

extension ActorKind: ProtobufEnum {
    public static let cases: [(value: Int32, name: String, case: ActorKind)] = [
        (0, "ACTOR_KIND_UNSPECIFIED", .unspecified),
        (1, "ACTOR_KIND_PERSON", .person),
        (2, "ACTOR_KIND_ORGANIZATION", .organization),
        (3, "ACTOR_KIND_GOVERNMENT", .government),
        (4, "ACTOR_KIND_GROUP", .group),
    ]

    public var unrecognizedValue: Int32? {
        if case .unrecognized(let value) = self { return value }
        return nil
    }
}
