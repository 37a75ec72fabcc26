/// A mention that may be a cue's speaker, and how it was found.
struct SpeakerCandidate: Sendable {
    /// The mention, as tokens.
    var tokens: Range<Int>
    var origin: SpeakerOrigin
    /// The readings that found this same mention, as bits of their raw values (its own included).
    var foundBy: UInt16 = 0
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
    /// The subject of the nearest finite verb before the cue (`Trump went after Bush, calling him`).
    case verbSubject
    /// The mention after the comma that closes an opening phrase holding the cue (`After thanking the crowd, he`).
    case leadInSubject
    /// The agent after the cue (`according to X`, `criticized by X`, `criticism from X`).
    case agent
    /// The possessor before a noun cue (`her remark`, `Clinton’s suggestion`).
    case possessor
}
