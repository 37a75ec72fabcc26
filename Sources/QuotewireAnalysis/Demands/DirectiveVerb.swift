/// A directive verb found in the text (`urged`, `called on`, `pleaded with`, `is pushing for`).
struct DirectiveVerb: Sendable {
    /// First token (the verb).
    var first: Int
    /// Last token (the particle, if any; else the verb).
    var last: Int
    /// Hash of the lemma, e.g. of `"urge"`.
    var lemma: WordHash
    var form: VerbForm

    /// The particle after the verb (`for`, `on`, `with`), or `WordHash.empty`.
    func particle(_ tokens: [Token]) -> WordHash {
        self.last > self.first ? tokens[self.last].hash : WordHash.empty
    }
}
