/// How a demand was read from the text. Its confidence is the share of such demands that were real
/// demands on the train demand gold (Tests/Fixtures/demands/train.jsonl), with and without a demander.
enum DemandPattern: Int, Sendable, CaseIterable {
    /// `urged Congress to pass`, `called on him to resign`.
    case addresseeThenTo
    /// `warned the Fed against buying bonds`.
    case addresseeThenAgainst
    /// `demanded that police release`.
    case thatClause
    /// `demanding President Obama make a pledge`, `demanded they stop`.
    case bareClause
    /// `called for a vote`, `urged action`, `pushing for more money from the states`.
    case object
    /// `was ordered to release`.
    case passive
    /// `three expectations: …`, `their demands`.
    case noun

    /// Measured on the train demand gold with `eval --demands`: of the demands read this way that fall on a
    /// judged attribution, the share that are real demands, smoothed as (right + 1) / (judged + 2); patterns
    /// seen fewer than ten times take the figure of all verb patterns (0.95 with a demander, 0.6 without).
    func confidence(hasDemander: Bool) -> Float {
        switch (self, hasDemander) {
        case (.addresseeThenTo, true): return 0.97
        case (.object, true): return 0.92
        case (.addresseeThenTo, false), (.addresseeThenAgainst, false), (.thatClause, false), (.bareClause, false),
            (.object, false):
            return 0.6
        case (.addresseeThenAgainst, true), (.thatClause, true), (.bareClause, true): return 0.95
        case (.passive, _): return 0.8
        case (.noun, _): return 0.35
        }
    }
}
