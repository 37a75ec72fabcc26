/// Match counts of the EVALUATION.md metric; counts of several documents add up.
public struct EvaluationCounts: Sendable, Hashable {
    /// Predicted quotes.
    public var predictions = 0
    /// Gold attributions with a content.
    public var gold = 0
    /// Pairs whose trimmed contents have IoU >= 0.5.
    public var contentMatches = 0
    /// Matched pairs whose speaker spans overlap.
    public var speakerMatches = 0
    /// Matched pairs whose speaker and cue spans overlap.
    public var speakerCueMatches = 0
    /// Gold contents that open with a quote mark.
    public var directGold = 0
    /// Direct gold contents that were matched.
    public var directMatches = 0
    /// Gold attributions with a directive cue.
    public var demandGold = 0
    /// Directive gold attributions that were matched.
    public var demandMatches = 0

    public init() {}

    /// Adds the counts of another document.
    public static func += (lhs: inout EvaluationCounts, rhs: EvaluationCounts) {
        lhs.predictions += rhs.predictions
        lhs.gold += rhs.gold
        lhs.contentMatches += rhs.contentMatches
        lhs.speakerMatches += rhs.speakerMatches
        lhs.speakerCueMatches += rhs.speakerCueMatches
        lhs.directGold += rhs.directGold
        lhs.directMatches += rhs.directMatches
        lhs.demandGold += rhs.demandGold
        lhs.demandMatches += rhs.demandMatches
    }

    /// Content-only precision, recall and F1.
    public var content: PrecisionRecall { PrecisionRecall(matches: self.contentMatches, predictions: self.predictions, gold: self.gold) }
    /// Content plus speaker.
    public var contentSpeaker: PrecisionRecall {
        PrecisionRecall(matches: self.speakerMatches, predictions: self.predictions, gold: self.gold)
    }
    /// Content plus speaker plus cue.
    public var contentSpeakerCue: PrecisionRecall {
        PrecisionRecall(matches: self.speakerCueMatches, predictions: self.predictions, gold: self.gold)
    }
    /// Recall on gold contents that open with a quote mark.
    public var directRecall: Double { Self.ratio(self.directMatches, self.directGold) }
    /// Recall on gold attributions with a directive cue.
    public var demandRecall: Double { Self.ratio(self.demandMatches, self.demandGold) }

    static func ratio(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) / Double(whole)
    }
}

/// Precision, recall and their harmonic mean.
public struct PrecisionRecall: Sendable, Hashable {
    /// Matches over predictions (0 without predictions).
    public var precision: Double
    /// Matches over gold (0 without gold).
    public var recall: Double
    /// The harmonic mean of precision and recall.
    public var f1: Double

    /// - Parameters:
    ///   - matches: predictions that match a gold item.
    ///   - predictions: all predictions.
    ///   - gold: all gold items.
    public init(matches: Int, predictions: Int, gold: Int) {
        self.precision = EvaluationCounts.ratio(matches, predictions)
        self.recall = EvaluationCounts.ratio(matches, gold)
        let sum = self.precision + self.recall
        self.f1 = sum == 0 ? 0 : 2 * self.precision * self.recall / sum
    }
}
