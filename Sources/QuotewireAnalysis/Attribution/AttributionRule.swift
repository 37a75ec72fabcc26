/// The rule that produced an ``Attribution``; each has its own confidence.
enum AttributionRule: UInt8, Sendable {
    /// `X said (that) CONTENT` / `X said: “...”`.
    case cueThenContent
    /// `CONTENT, X said.` / `“...,” said X.`
    case contentThenCue
    /// `..., warning that CONTENT` with the subject of the main clause.
    case participle
    /// `according to X, CONTENT` / `CONTENT, according to X.`
    case according
    /// `Name: statement`, as headlines and transcripts attribute.
    case colon
    /// A quote that goes on after its attribution (`“...,” she said. “...”`).
    case continuation
    /// A quote with no cue near it, given to the last speaker.
    case unattributedQuote
    /// A span proposed for a cue and chosen by a trained model rather than by a rule.
    case learned

    var confidence: Float {
        switch self {
        case .cueThenContent: return 0.7
        case .contentThenCue: return 0.8
        case .participle: return 0.65
        case .according: return 0.8
        case .continuation: return 0.75
        case .colon: return 0.5
        case .unattributedQuote: return 0.3
        case .learned: return 0.5
        }
    }
}
