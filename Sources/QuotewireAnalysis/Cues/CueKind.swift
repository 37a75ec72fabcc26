/// The family of a cue; it sets the base confidence and how content is read.
enum CueKind: UInt8, Sendable {
    /// Verbs of saying: `said`, `told`, `argued`, `tweeted`.
    case speech
    /// Verbs of thinking and feeling: `believes`, `hopes`, `fears`.
    case cognition
    /// Verbs whose object is the content: `criticized`, `praised`, `accused`.
    case stance
    /// Verbs that report evidence: `shows`, `found`.
    case evidence
    /// Verbs that ask someone to act: `urged`, `called for`, `wants`.
    case directive
    /// `according to`.
    case according
}
