/// A sentence as a range of token indices.
struct Sentence: Sendable, Hashable {
    /// First token.
    var first: Int
    /// Token just past the sentence.
    var end: Int
}
