/// A demand found in the text, before ids are given out.
struct DemandCandidate: Sendable {
    /// The directive cue, as tokens.
    var cue: Range<Int>
    /// The demanded action, in scalars.
    var action: Range<Int>
    /// The demander mention, as tokens.
    var demander: Range<Int>?
    /// The addressee mention, as tokens.
    var addressee: Range<Int>?
    /// Registry records of demander and addressee.
    var demanderRecord: Int?
    var addresseeRecord: Int?
    /// Index of the attribution whose content reports the demand.
    var attribution: Int?
    /// How it was read, which gives its confidence.
    var pattern: DemandPattern

    /// The calibrated probability that this is a real demand.
    var confidence: Float { self.pattern.confidence(hasDemander: self.demander != nil) }
}
