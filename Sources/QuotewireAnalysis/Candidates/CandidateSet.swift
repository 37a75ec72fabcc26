/// Everything proposed for one document: the cue candidates and the attribution candidates, and the
/// rules' own attributions (which the demand stage reads).
struct CandidateSet: Sendable {
    var cues: [CueCandidate] = []
    var attributions: [AttributionCandidate] = []
    /// The attributions the rules chose, in text order.
    var ruleAttributions: [Attribution] = []
}
