import Testing

@testable import QuotewireEvaluation

@Suite("AttributionMetric")
struct AttributionMetricTests {
    // 0         1         2         3         4         5
    // 0123456789012345678901234567890123456789012345678901234567
    static let text = "Jo said the bridge will open soon. “We are ready,” Al said."

    @Test("trims quote marks, spaces and punctuation at both ends")
    func trimsContent() {
        let metric = AttributionMetric(text: Self.text)
        #expect(metric.trim([34..<50]) == [36..<48])
        #expect(metric.trim([33..<35]).isEmpty)
    }

    @Test("counts content, speaker and cue matches")
    func countsMatches() {
        let gold = [
            GoldAttribution(content: [8..<33], source: [0..<2], cue: [3..<7]),
            GoldAttribution(content: [34..<50], source: [51..<53], cue: [54..<58]),
        ]
        let predictions = [
            PredictedAttribution(content: 8..<34, speaker: 0..<2, cue: 3..<7),
            PredictedAttribution(content: 36..<48, speaker: 51..<53, cue: 0..<2),
            PredictedAttribution(content: 0..<4),
        ]
        let counts = AttributionMetric(text: Self.text).evaluate(gold: gold, predictions: predictions)
        #expect(counts.gold == 2)
        #expect(counts.predictions == 3)
        #expect(counts.contentMatches == 2)
        #expect(counts.speakerMatches == 2)
        #expect(counts.speakerCueMatches == 1)
        #expect(counts.directGold == 1)
        #expect(counts.directMatches == 1)
    }

    @Test("rejects an overlap below IoU 0.5")
    func rejectsSmallOverlap() {
        let gold = [GoldAttribution(content: [8..<33])]
        let counts = AttributionMetric(text: Self.text).evaluate(
            gold: gold, predictions: [PredictedAttribution(content: 8..<18)])
        #expect(counts.contentMatches == 0)
    }

    @Test("matches one to one, best IoU first")
    func matchesGreedilyOneToOne() {
        let gold = [GoldAttribution(content: [8..<33], source: [0..<2])]
        let predictions = [
            PredictedAttribution(content: 8..<30, speaker: 40..<42),
            PredictedAttribution(content: 8..<33, speaker: 0..<2),
        ]
        let counts = AttributionMetric(text: Self.text).evaluate(gold: gold, predictions: predictions)
        #expect(counts.contentMatches == 1)
        #expect(counts.speakerMatches == 1)
    }

    @Test("computes IoU over discontinuous gold fragments")
    func computesFragmentIoU() {
        #expect(AttributionMetric.iou([0..<10, 20..<30], 0..<30) == 20.0 / 30.0)
    }

    @Test("F1 is the harmonic mean of precision and recall")
    func computesF1() {
        let figures = PrecisionRecall(matches: 2, predictions: 4, gold: 2)
        #expect(figures.precision == 0.5)
        #expect(figures.recall == 1)
        #expect(abs(figures.f1 - 2.0 / 3.0) < 1e-9)
    }
}

/// Precision and recall by confidence threshold, and the calibration error, on figures worked by hand.
@Suite struct ConfidenceCurveTests {
    @Test func thresholdsDropPredictionsAndCalibrationIsMeasured() {
        let text = String(repeating: "abcdefghij", count: 5)
        let gold = [GoldAttribution(content: [0..<10]), GoldAttribution(content: [20..<30]), GoldAttribution(content: [40..<50])]
        // Two matches (confidence 0.9 and 0.35) and a false alarm (0.6).
        let predictions: [(PredictedAttribution, Float)] = [
            (PredictedAttribution(content: 0..<10), 0.9), (PredictedAttribution(content: 20..<29), 0.35),
            (PredictedAttribution(content: 11..<18), 0.6),
        ]
        var curve = ConfidenceCurve()
        curve.add(gold: gold, predictions: predictions, metric: AttributionMetric(text: text))
        let all = curve.figures(at: 0.1)
        #expect(all == PrecisionRecall(matches: 2, predictions: 3, gold: 3))
        #expect(curve.figures(at: 0.5) == PrecisionRecall(matches: 1, predictions: 2, gold: 3))
        #expect(curve.figures(at: 0.95) == PrecisionRecall(matches: 0, predictions: 0, gold: 3))
        // Bins 9 (0.9, matched: |1 - 0.9|), 6 (0.6, missed: |0 - 0.6|), 3 (0.35, matched: |1 - 0.35|), each a third.
        #expect(abs(curve.expectedCalibrationError() - (0.1 + 0.6 + 0.65) / 3) < 1e-6)
    }
}
