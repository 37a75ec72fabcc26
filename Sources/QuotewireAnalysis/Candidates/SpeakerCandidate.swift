/// A mention that may be a cue's speaker, and how it was found.
struct SpeakerCandidate: Sendable {
    /// The mention, as tokens.
    var tokens: Range<Int>
    var origin: SpeakerOrigin
}

/// How a speaker candidate was found.
enum SpeakerOrigin: UInt8, Sendable {
    /// The rules' speaker for the cue's attribution.
    case rule
    /// The subject right before the cue (`the mayor said`).
    case subjectBefore
    /// The subject right after the cue (`said the mayor`).
    case subjectAfter
    /// The subject of the sentence's main clause (`..., warning that`).
    case mainSubject
    /// The speaker of the closest earlier attribution of the rules in the paragraph.
    case previousSpeaker
}
