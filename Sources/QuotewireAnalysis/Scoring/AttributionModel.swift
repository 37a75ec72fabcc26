/// What proposing and scoring need: the learned cue lexicon, the words' usual classes and a scorer.
struct AttributionModel: Sendable {
    let priors: CuePriors
    /// Each word's usual part of speech, which tells the proposer a mention from a verb or an adverb.
    let classes: WordClasses
    let scorer: any AttributionScorer

    /// The trained model compiled into the library (``TrainedModelData``), parsed once.
    static let trained: AttributionModel = {
        let data = TrainedModelData.self
        let priors = CuePriors(TrainedModelData.parsePriors(data.cuePriors), minimumPrior: data.minimumPrior)
        let weights = TrainedModelData.parseWeights(data.weights, bits: data.bits)
        let speakerWeights = TrainedModelData.parseWeights(data.speakerWeights, bits: data.bits)
        let classes = WordClasses(TrainedModelData.parseClasses(data.wordClasses))
        return AttributionModel(
            priors: priors, classes: classes,
            scorer: TrainedScorer(
                model: LogisticModel(bits: data.bits, weights: weights),
                speakerModel: LogisticModel(bits: data.bits, weights: speakerWeights), threshold: data.threshold,
                classes: classes,
                calibration: Calibration(slope: data.calibrationSlope, intercept: data.calibrationIntercept)))
    }()

    /// Today's rules alone, through the same seam.
    static let rules = AttributionModel(priors: trained.priors, classes: trained.classes, scorer: RuleScorer())
}
