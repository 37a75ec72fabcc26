/// Scores candidates with a trained logistic model over their hashed features.
struct TrainedScorer: AttributionScorer {
    let model: LogisticModel
    let threshold: Float
    var requiresConsistency: Bool { true }

    func scores(_ set: CandidateSet, _ index: DocumentIndex) -> [Float] {
        let features = CandidateFeatures(index: index)
        let cueParts = set.cues.map { self.model.partialSum(features.cueFeatures($0)) }
        return set.attributions.map { candidate in
            let cue = candidate.cueIndex.map { set.cues[$0] }
            let span = self.model.partialSum(features.spanFeatures(candidate, cue: cue))
            return LogisticModel.sigmoid(span + (candidate.cueIndex.map { cueParts[$0] } ?? self.model.cuelessBias))
        }
    }
}
