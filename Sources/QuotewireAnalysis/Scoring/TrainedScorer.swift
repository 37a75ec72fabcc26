/// Scores candidates with a trained logistic model over their hashed features.
struct TrainedScorer: AttributionScorer {
    let model: LogisticModel
    let threshold: Float
    var requiresConsistency: Bool { true }

    /// The best-scoring speaker candidate of each cue.
    func speakers(_ set: CandidateSet, _ index: DocumentIndex, cues: [Int]) -> [Range<Int>?]? {
        let features = SpeakerFeatures(index: index)
        return cues.map { position in
            let cue = set.cues[position]
            var best: (range: Range<Int>, score: Float)?
            for speaker in cue.speakers {
                var sum = LogisticModel.Sum(model: self.model)
                features.speakerFeatures(speaker, of: cue, into: &sum)
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
