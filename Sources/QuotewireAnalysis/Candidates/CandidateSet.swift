/// Everything proposed for one document: the cue candidates and the attribution candidates, and the
/// rules' own attributions (which the demand stage reads).
struct CandidateSet: Sendable {
    var cues: [CueCandidate] = []
    var attributions: [AttributionCandidate] = []
    /// Every speaker mention proposed for a cue, for a scorer to choose from: the cues' lists one after another.
    var speakers: [SpeakerCandidate] = []
    /// The attributions the rules chose, in text order.
    var ruleAttributions: [Attribution] = []

    /// The speaker mentions proposed for `cue`.
    func speakers(of cue: CueCandidate) -> ArraySlice<SpeakerCandidate> {
        self.speakers[cue.speakers]
    }
}
