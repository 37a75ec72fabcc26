/// What proposing and scoring need: the learned cue lexicon and a scorer.
struct AttributionModel: Sendable {
    let priors: CuePriors
    let scorer: any AttributionScorer

    /// The trained model compiled into the library (``TrainedModelData``), parsed once.
    static let trained: AttributionModel = {
        let data = TrainedModelData.self
        let priors = CuePriors(TrainedModelData.parsePriors(data.cuePriors), minimumPrior: data.minimumPrior)
        let weights = TrainedModelData.parseWeights(data.weights, bits: data.bits)
        return AttributionModel(
            priors: priors,
            scorer: TrainedScorer(
                model: LogisticModel(bits: data.bits, weights: weights), threshold: data.threshold,
                classes: WordClasses(TrainedModelData.parseClasses(data.wordClasses))))
    }()

    /// Today's rules alone, through the same seam.
    static let rules = AttributionModel(priors: trained.priors, scorer: RuleScorer())
}
