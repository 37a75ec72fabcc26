/// Computes the hashed features of speaker candidates (a model of their own: every template is
/// `speaker*`).
struct SpeakerFeatures: Sendable {
    let index: DocumentIndex
    let classes: WordClasses

    /// The features of a speaker candidate of a cue, as seen from one of the cue's contents; `all` are
    /// the cue's speaker candidates, `speaker` among them.
    func speakerFeatures<Sink: FeatureSink>(
        _ speaker: SpeakerCandidate, among all: ArraySlice<SpeakerCandidate>, of cue: CueCandidate,
        content: AttributionCandidate, into features: inout Sink
    ) {
        let inside = content.contains(speaker)
        let tokens = self.index.tokens
        let origin = UInt64(speaker.origin.rawValue)
        let range = speaker.tokens
        features.add(.speakerBias)
        features.add(.speakerInsideContent, origin, inside ? 1 : 0)
        features.add(.speakerOrigin, origin)
        features.add(.speakerOriginAndCueWord, origin, tokens[cue.cue.first].hash.value)
        features.add(.speakerOriginAndLength, origin, UInt64(CandidateFeatures.bucket(count: range.count)))
        let first = tokens[range.lowerBound]
        let isPronoun = range.count == 1 && WordLists.pronouns.contains(first.hash)
        let shape: UInt64 = isPronoun ? 3 : first.isCapitalized ? (WordLists.determiners.contains(first.hash) ? 2 : 1) : 0
        features.add(.speakerOriginAndShape, origin, shape)
        let distance = range.lowerBound > cue.cue.last ? range.lowerBound - cue.cue.last : cue.cue.first - range.upperBound
        features.add(.speakerOriginAndDistance, origin, UInt64(CandidateFeatures.bucket(count: max(0, distance))))
        features.add(.speakerFirstWord, CandidateFeatures.describe(first))
        features.add(.speakerLastWord, CandidateFeatures.describe(tokens[range.upperBound - 1]))
        features.add(.speakerOriginAndRuleCue, origin, cue.isRuleCue ? 1 : 0)
        features.add(.speakerOriginAndCount, origin, UInt64(min(all.count, 5)))
        features.add(.speakerBeforeKind, origin, range.lowerBound > 0 ? UInt64(tokens[range.lowerBound - 1].kind.rawValue) : 255)
        features.add(.speakerOriginAndContentOrigin, origin, UInt64(content.origin.rawValue))
        let firstClass = self.classes.of(first)
        let lastClass = self.classes.of(tokens[range.upperBound - 1])
        features.add(.speakerClassesAndOrigin, origin, firstClass &* 131 &+ lastClass)
        features.add(.speakerWordBeforeAndOrigin, origin, range.lowerBound > 0 ? CandidateFeatures.describe(tokens[range.lowerBound - 1]) : 1)
        features.add(.speakerWordAfterAndOrigin, origin, range.upperBound < tokens.count ? CandidateFeatures.describe(tokens[range.upperBound]) : 1)
        var others: UInt64 = 0
        for other in all where other.tokens != range { others |= 1 << UInt64(other.origin.rawValue) }
        features.add(.speakerOriginAndOthers, origin, others)
        let side: UInt64 = inside ? 0 : range.upperBound <= content.attribution.firstToken ? 1 : 2
        features.add(.speakerSideOfContent, origin, side &* 16 &+ UInt64(content.origin.rawValue))
        features.add(.speakerOriginAndFoundBy, origin, UInt64(speaker.foundBy))
        features.add(.speakerOriginAndNextClass, origin, range.upperBound < tokens.count ? self.classes.of(tokens[range.upperBound]) : 255)
        // A participle or past form after a comma (`, saying`) hangs on the clause before it.
        let cueToken = tokens[cue.cue.first]
        let form: UInt64
        switch VerbForm(endingOf: cueToken) {
        case .participle: form = 1
        case .past: form = 2
        case .base, .third: form = 0
        }
        let afterComma: UInt64 = cue.cue.first > 0 && tokens[cue.cue.first - 1].kind == .comma ? 1 : 0
        features.add(.speakerOriginAndCueShape, origin, form &* 4 &+ afterComma &* 2 &+ (cueToken.isCapitalized ? 1 : 0))
    }

}
