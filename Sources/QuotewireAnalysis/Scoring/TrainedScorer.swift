/// Scores candidates with a trained logistic model over their hashed features.
struct TrainedScorer: AttributionScorer {
    let model: LogisticModel
    /// Chooses among a cue's speaker candidates (its own weights: the content model's calibration
    /// does not depend on it).
    let speakerModel: LogisticModel
    let threshold: Float
    let classes: WordClasses
    /// Turns a chosen candidate's score into the probability that it is right.
    var calibration = Calibration()
    var requiresConsistency: Bool { true }

    func confidence(_ score: Float) -> Float {
        self.calibration.apply(score)
    }

    /// The best-scoring speaker candidate of each chosen candidate's cue (whether a mention lies inside
    /// the content is one of its features: usually not the speaker, except between a split quote's parts).
    func speakers(_ set: CandidateSet, _ index: DocumentIndex, chosen: [Int]) -> [Range<Int>?]? {
        let features = SpeakerFeatures(index: index, classes: self.classes)
        return chosen.map { position in
            let candidate = set.attributions[position]
            guard let cueIndex = candidate.cueIndex else { return candidate.attribution.speaker }
            let cue = set.cues[cueIndex]
            var best: (range: Range<Int>, score: Float)?
            let speakers = set.speakers(of: cue)
            for speaker in speakers {
                var sum = LogisticModel.Sum(model: self.speakerModel)
                features.speakerFeatures(speaker, among: speakers, of: cue, content: candidate, into: &sum)
                if sum.value > best?.score ?? -Float.infinity { best = (speaker.tokens, sum.value) }
            }
            return best?.range
        }
    }

    func scores(_ set: CandidateSet, _ index: DocumentIndex) -> [Float] {
        let features = CandidateFeatures(index: index, cues: set.cues)
        let cueParts = set.cues.map { cue in
            var sum = LogisticModel.Sum(model: self.model)
            features.cueFeatures(cue, into: &sum)
            return sum.value
        }
        var bias = LogisticModel.Sum(model: self.model)
        bias.add(.bias)
        return set.attributions.map { candidate in
            let cue = candidate.cueIndex.map { set.cues[$0] }
            var sum = LogisticModel.Sum(model: self.model, value: candidate.cueIndex.map { cueParts[$0] } ?? bias.value)
            features.spanFeatures(candidate, cue: cue, into: &sum)
            return LogisticModel.sigmoid(sum.value)
        }
    }
}
