/// Precision and recall at confidence thresholds, and how well confidences are calibrated: for each
/// prediction, its confidence and whether it matched gold content (the metric's one-to-one matching
/// over all predictions, so the thresholds only drop predictions, never re-match them).
public struct ConfidenceCurve: Sendable {
    /// Each prediction's confidence and whether it matched.
    private var outcomes: [(confidence: Float, matched: Bool)] = []
    private var gold = 0

    public init() {}

    /// Adds one document: its gold, its predictions with their confidences, and the metric for its text.
    public mutating func add(gold: [GoldAttribution], predictions: [(PredictedAttribution, Float)], metric: AttributionMetric) {
        let matched = Set(metric.match(gold: gold, predictions: predictions.map(\.0)).map(\.prediction))
        for (position, prediction) in predictions.enumerated() {
            self.outcomes.append((prediction.1, matched.contains(position)))
        }
        self.gold += gold.count
    }

    /// Adds predictions judged elsewhere (the demand gold): each confidence and whether it was right.
    public mutating func add(judged: [(confidence: Float, right: Bool)], gold: Int) {
        self.outcomes.append(contentsOf: judged.map { ($0.confidence, $0.right) })
        self.gold += gold
    }

    /// How many predictions were added.
    public var count: Int { self.outcomes.count }

    /// Content precision, recall and F1 of the predictions at or above `threshold`.
    public func figures(at threshold: Float) -> PrecisionRecall {
        let kept = self.outcomes.filter { $0.confidence >= threshold }
        return PrecisionRecall(matches: kept.filter(\.matched).count, predictions: kept.count, gold: self.gold)
    }

    /// The expected calibration error over `bins` equal-width confidence bins: the mean, weighted by
    /// predictions, of |share matched - mean confidence| in each bin.
    public func expectedCalibrationError(bins: Int = 10) -> Double {
        guard !self.outcomes.isEmpty else { return 0 }
        var count = [Int](repeating: 0, count: bins)
        var matched = [Int](repeating: 0, count: bins)
        var confidence = [Double](repeating: 0, count: bins)
        for outcome in self.outcomes {
            let bin = min(bins - 1, max(0, Int(Double(outcome.confidence) * Double(bins))))
            count[bin] += 1
            confidence[bin] += Double(outcome.confidence)
            if outcome.matched { matched[bin] += 1 }
        }
        var error = 0.0
        for bin in 0..<bins where count[bin] > 0 {
            let share = Double(matched[bin]) / Double(count[bin])
            let mean = confidence[bin] / Double(count[bin])
            error += Double(count[bin]) / Double(self.outcomes.count) * abs(share - mean)
        }
        return error
    }
}
