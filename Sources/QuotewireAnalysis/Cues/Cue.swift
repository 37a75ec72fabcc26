/// A cue found in the text: one word (`said`) or a phrase (`according to`, `called for`).
struct Cue: Sendable {
    /// First token of the cue.
    var first: Int
    /// Last token of the cue (inclusive).
    var last: Int
    var entry: CueEntry
}
