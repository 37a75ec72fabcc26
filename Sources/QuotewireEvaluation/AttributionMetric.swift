/// The EVALUATION.md metric for one document: trims contents, matches
/// predictions to gold one-to-one by character IoU >= 0.5 (greedy, highest
/// first) and counts speaker, cue, direct and demand matches.
public struct AttributionMetric: Sendable {
    /// The smallest IoU that counts as a content match.
    public static let threshold = 0.5

    private let scalars: [Unicode.Scalar]

    /// - Parameters:
    ///   - text: the document text the offsets index, as Unicode scalars.
    public init(text: String) {
        self.scalars = Array(text.unicodeScalars)
    }

    /// Scores the predictions of one document against its gold attributions.
    public func evaluate(gold: [GoldAttribution], predictions: [PredictedAttribution]) -> EvaluationCounts {
        var counts = EvaluationCounts()
        counts.gold = gold.count
        counts.predictions = predictions.count
        let goldContents = gold.map { self.trim($0.content) }
        let predictedContents = predictions.map { self.trim([$0.content]) }
        let isDirect = gold.map { self.isDirect($0.content) }
        let isDemand = gold.map { DirectiveCue.matches(self.text(of: $0.cue)) }
        counts.directGold = isDirect.filter { $0 }.count
        counts.demandGold = isDemand.filter { $0 }.count

        let pairs = self.match(goldContents: goldContents, predictedContents: predictedContents)
        for candidate in pairs {
            counts.contentMatches += 1
            if isDirect[candidate.gold] { counts.directMatches += 1 }
            if isDemand[candidate.gold] { counts.demandMatches += 1 }
            let prediction = predictions[candidate.prediction]
            let attribution = gold[candidate.gold]
            guard let speaker = prediction.speaker, Self.overlaps(attribution.source, speaker) else { continue }
            counts.speakerMatches += 1
            if let cue = prediction.cue, Self.overlaps(attribution.cue, cue) {
                counts.speakerCueMatches += 1
            }
        }
        return counts
    }

    /// The one-to-one content matches, as (gold index, prediction index), best IoU first.
    public func match(gold: [GoldAttribution], predictions: [PredictedAttribution]) -> [(gold: Int, prediction: Int)] {
        self.match(goldContents: gold.map { self.trim($0.content) }, predictedContents: predictions.map { self.trim([$0.content]) })
    }

    private func match(goldContents: [[Range<Int>]], predictedContents: [[Range<Int>]]) -> [(gold: Int, prediction: Int)] {
        var candidates: [(iou: Double, gold: Int, prediction: Int)] = []
        for (goldIndex, goldRanges) in goldContents.enumerated() where !goldRanges.isEmpty {
            for (predictionIndex, predicted) in predictedContents.enumerated() {
                guard let range = predicted.first else { continue }
                let iou = Self.iou(goldRanges, range)
                if iou >= Self.threshold { candidates.append((iou, goldIndex, predictionIndex)) }
            }
        }
        candidates.sort { lhs, rhs in
            if lhs.iou != rhs.iou { return lhs.iou > rhs.iou }
            if lhs.gold != rhs.gold { return lhs.gold < rhs.gold }
            return lhs.prediction < rhs.prediction
        }
        var goldTaken = [Bool](repeating: false, count: goldContents.count)
        var predictionTaken = [Bool](repeating: false, count: predictedContents.count)
        var pairs: [(gold: Int, prediction: Int)] = []
        for candidate in candidates where !goldTaken[candidate.gold] && !predictionTaken[candidate.prediction] {
            goldTaken[candidate.gold] = true
            predictionTaken[candidate.prediction] = true
            pairs.append((candidate.gold, candidate.prediction))
        }
        return pairs
    }

    /// Ranges trimmed of quote marks, white space and `, . ; :` at both ends of the whole.
    public func trim(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var pieces = ranges.map { $0.clamped(to: 0..<self.scalars.count) }.filter { !$0.isEmpty }
        while let first = pieces.first {
            var start = first.lowerBound
            while start < first.upperBound, Self.isTrimmable(self.scalars[start]) { start += 1 }
            if start == first.upperBound {
                pieces.removeFirst()
                continue
            }
            pieces[0] = start..<first.upperBound
            break
        }
        while let last = pieces.last {
            var end = last.upperBound
            while end > last.lowerBound, Self.isTrimmable(self.scalars[end - 1]) { end -= 1 }
            if end == last.lowerBound {
                pieces.removeLast()
                continue
            }
            pieces[pieces.count - 1] = last.lowerBound..<end
            break
        }
        return pieces
    }

    private func isDirect(_ ranges: [Range<Int>]) -> Bool {
        for range in ranges {
            for index in range.clamped(to: 0..<self.scalars.count) {
                let scalar = self.scalars[index]
                if scalar.properties.isWhitespace { continue }
                return Self.directMarks.contains(scalar)
            }
        }
        return false
    }

    private func text(of ranges: [Range<Int>]) -> String {
        var result = String.UnicodeScalarView()
        for range in ranges {
            if !result.isEmpty { result.append(" ") }
            result.append(contentsOf: self.scalars[range.clamped(to: 0..<self.scalars.count)])
        }
        return String(result)
    }

    static let directMarks: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'", "`"]
    private static let trimmable: Set<Unicode.Scalar> = [
        "\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'", "`", "\u{00AB}", "\u{00BB}", "\u{201E}",
        ",", ".", ";", ":",
    ]

    private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        trimmable.contains(scalar) || scalar.properties.isWhitespace
    }

    /// Character intersection over union of a (possibly discontinuous) gold span and a predicted one.
    public static func iou(_ gold: [Range<Int>], _ predicted: Range<Int>) -> Double {
        var goldLength = 0
        var intersection = 0
        for range in gold {
            goldLength += range.count
            let overlap = range.clamped(to: predicted)
            intersection += overlap.count
        }
        let union = goldLength + predicted.count - intersection
        return union == 0 ? 0 : Double(intersection) / Double(union)
    }

    /// Whether a predicted span overlaps any fragment of a gold one.
    public static func overlaps(_ gold: [Range<Int>], _ predicted: Range<Int>) -> Bool {
        gold.contains { $0.overlaps(predicted) }
    }
}
