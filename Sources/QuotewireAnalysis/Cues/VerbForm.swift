/// The inflection of a cue verb.
enum VerbForm: UInt8, Sendable {
    /// `say`
    case base
    /// `says`
    case third
    /// `said`
    case past
    /// `saying`
    case participle
}
