/// The demand metric of EVALUATION.md for one document: each gold demand is matched to at most one
/// predicted demand whose action overlaps its action (one-to-one, greedy by overlap, largest first);
/// a gold non-demand is a false alarm when a predicted demand left unmatched overlaps its content.
public struct DemandMetric: Sendable {
    /// What became of one gold item.
    public enum Outcome: Sendable, Hashable {
        /// A gold demand no predicted demand overlaps.
        case missed
        /// A gold demand found by prediction `prediction`, with or without the right demander and addressee.
        case found(prediction: Int, demander: Bool, addressee: Bool)
        /// A gold non-demand that prediction `prediction` claims.
        case falseAlarm(prediction: Int)
        /// A gold non-demand left alone.
        case rejected
    }

    public init() {}

    /// Scores the predicted demands of one document against the gold items of that document.
    public func evaluate(gold: [DemandGoldItem], predictions: [PredictedDemand]) -> DemandCounts {
        var counts = DemandCounts()
        counts.predictions = predictions.count
        for (item, outcome) in zip(gold, self.outcomes(gold: gold, predictions: predictions)) {
            if item.isDemand { counts.goldDemands += 1 } else { counts.goldNonDemands += 1 }
            switch outcome {
            case .found(_, let demander, let addressee):
                counts.found += 1
                if demander { counts.foundWithDemander += 1 }
                if addressee { counts.foundWithAddressee += 1 }
            case .falseAlarm:
                counts.falseAlarms += 1
            case .missed, .rejected:
                break
            }
        }
        return counts
    }

    /// The outcome of each gold item, in order.
    public func outcomes(gold: [DemandGoldItem], predictions: [PredictedDemand]) -> [Outcome] {
        var pairs: [(overlap: Int, gold: Int, prediction: Int)] = []
        for (goldIndex, item) in gold.enumerated() {
            guard item.isDemand, let action = item.action else { continue }
            for (predictionIndex, prediction) in predictions.enumerated() {
                let overlap = Self.overlap(action, prediction.action)
                if overlap > 0 { pairs.append((overlap, goldIndex, predictionIndex)) }
            }
        }
        pairs.sort { ($0.overlap, -$0.gold, -$0.prediction) > ($1.overlap, -$1.gold, -$1.prediction) }
        var outcomes = gold.map { $0.isDemand ? Outcome.missed : Outcome.rejected }
        var usedPredictions = Set<Int>()
        for pair in pairs where outcomes[pair.gold] == .missed && !usedPredictions.contains(pair.prediction) {
            usedPredictions.insert(pair.prediction)
            let item = gold[pair.gold]
            let prediction = predictions[pair.prediction]
            let demander = prediction.demander.contains { range in item.source.contains { $0.overlaps(range) } }
            let addressee: Bool
            if let expected = item.addressee {
                addressee = prediction.addressee.contains { $0.overlaps(expected) }
            } else {
                addressee = prediction.addressee.isEmpty
            }
            outcomes[pair.gold] = .found(prediction: pair.prediction, demander: demander, addressee: addressee)
        }
        for (goldIndex, item) in gold.enumerated() where !item.isDemand {
            let claimant = predictions.indices.first { index in
                !usedPredictions.contains(index) && item.content.contains { $0.overlaps(predictions[index].action) }
            }
            if let claimant { outcomes[goldIndex] = .falseAlarm(prediction: claimant) }
        }
        return outcomes
    }

    /// The confidence of each judged prediction and whether it is right: a prediction that found a gold
    /// demand is right, one that claims a gold non-demand is wrong; the others are not judged.
    public func judged(gold: [DemandGoldItem], predictions: [PredictedDemand]) -> [(confidence: Float, right: Bool)] {
        self.outcomes(gold: gold, predictions: predictions).compactMap { outcome in
            switch outcome {
            case .found(let prediction, _, _): return (predictions[prediction].confidence, true)
            case .falseAlarm(let prediction): return (predictions[prediction].confidence, false)
            case .missed, .rejected: return nil
            }
        }
    }

    private static func overlap(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Int {
        max(0, min(lhs.upperBound, rhs.upperBound) - max(lhs.lowerBound, rhs.lowerBound))
    }
}
