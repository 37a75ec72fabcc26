import QuotewireModel

/// One document's attribution candidates with their hashed features, for training and threshold
/// search (`quotewire train`). Offsets are Unicode scalars, as brat gold uses them.
@_spi(Training) public struct TrainingDocument: Sendable {
    let set: CandidateSet
    /// Each candidate's features: its cue's and its own.
    public let features: [[UInt32]]
    /// Each candidate's content, in Unicode scalars.
    public var contents: [Range<Int>] { self.set.attributions.map(\.attribution.content) }
    /// Each candidate's cue, in Unicode scalars (`nil` for a quote without one).
    public let cues: [Range<Int>?]
    /// Each candidate's cue candidate index (`nil` for a quote without one).
    public var cueIndices: [Int?] { self.set.attributions.map(\.cueIndex) }
    /// For each candidate with a cue: its cue's speaker candidates, in Unicode scalars, with their
    /// features as seen from this candidate's content.
    public let speakers: [[(range: Range<Int>, features: [UInt32])]]
    /// Each candidate's speaker as proposed, in Unicode scalars: what a candidate without a cue keeps
    /// (a speaker model chooses only among a cue's candidates).
    public let proposedSpeakers: [Range<Int>?]

    /// Proposes and describes the candidates of `body` with the cue priors in `lexicon`.
    public init(body: String, lexicon: TrainingLexicon) {
        let text = TextBuffer(body)
        let tokens = Tokenizer().tokenize(text)
        let index = DocumentIndex(
            tokens: tokens, sentences: SentenceSplitter().split(tokens), quotes: QuotePairer().pair(tokens, in: text))
        let cues = CueFinder().find(tokens, quoted: index.isQuoted)
        let set = CandidateProposer(priors: lexicon.priors, classes: lexicon.classes).propose(index, ruleCues: cues)
        let describe = CandidateFeatures(index: index, cues: set.cues)
        let cueFeatures = set.cues.map { cue in
            var features = FeatureVector()
            describe.cueFeatures(cue, into: &features)
            return features
        }
        var bias = FeatureVector()
        bias.add(.bias)
        self.features = set.attributions.map { candidate in
            var features = candidate.cueIndex.map { cueFeatures[$0] } ?? bias
            describe.spanFeatures(candidate, cue: candidate.cueIndex.map { set.cues[$0] }, into: &features)
            return features.indices
        }
        func scalars(_ range: Range<Int>) -> Range<Int> { Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end) }
        let speakerFeatures = SpeakerFeatures(index: index, classes: lexicon.classes)
        self.speakers = set.attributions.map { candidate in
            guard let cue = candidate.cueIndex.map({ set.cues[$0] }) else { return [] }
            let speakers = set.speakers(of: cue)
            return speakers.map { speaker in
                var features = FeatureVector()
                speakerFeatures.speakerFeatures(speaker, among: speakers, of: cue, content: candidate, into: &features)
                return (scalars(speaker.tokens), features.indices)
            }
        }
        self.cues = set.attributions.map { candidate in
            candidate.attribution.cue.map { scalars($0.first..<($0.last + 1)) }
        }
        self.proposedSpeakers = set.attributions.map { candidate in
            candidate.attribution.speaker.map(scalars)
        }
        self.set = set
    }

    /// The candidates the chooser keeps with these scores, in text order.
    public func choose(scores: [Float], threshold: Float) -> [Int] {
        CandidateChooser().choose(self.set, scores: scores, threshold: threshold)
    }
}

/// The learned cue lexicon while it is being trained.
@_spi(Training) public struct TrainingLexicon: Sendable {
    let priors: CuePriors
    let classes: WordClasses

    public init(
        priors: [(word: String, prior: Float)], minimumPrior: Float, classes: [(word: String, wordClass: UInt8)] = []
    ) {
        self.priors = CuePriors(priors, minimumPrior: minimumPrior)
        self.classes = WordClasses(classes)
    }

    /// Each word token of `body` (lowercased) and whether it lies inside one of the `cues` ranges.
    public static func words(of body: String, cues: [Range<Int>]) -> [(word: String, isCue: Bool)] {
        let text = TextBuffer(body)
        let sorted = cues.sorted { $0.lowerBound < $1.lowerBound }
        return Tokenizer().tokenize(text).compactMap { token in
            guard token.kind == .word else { return nil }
            let isCue = sorted.contains { $0.overlaps(token.range) }
            return (text.string(token.range).lowercased(), isCue)
        }
    }
}
