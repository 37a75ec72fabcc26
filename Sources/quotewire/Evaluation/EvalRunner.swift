import Foundation
import QuotewireEvaluation
import QuotewireModel

/// Runs an analysis function over a corpus and scores it; the analysis is a
/// function of a request, so a remote analyzer can stand in for the local one.
struct EvalRunner {
    var analyze: (AnalyzeRequest) throws -> AnalyzeResponse

    func evaluate(_ corpus: EvalCorpus, repetitions: Int) throws -> EvalReport {
        var report = EvalReport()
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        for round in 0..<repetitions {
            for document in corpus.documents {
                let request = AnalyzeRequest(
                    article: Article(id: document.name, body: document.text),
                    options: AnalyzeOptions(offsetUnit: .unicodeScalar)
                )
                let start = clock.now
                let response = try self.analyze(request)
                elapsed += clock.now - start
                guard round == 0 else { continue }
                let metric = AttributionMetric(text: document.text)
                let counts = metric.evaluate(
                    gold: document.gold,
                    predictions: response.quotes.compactMap(PredictedAttribution.init)
                )
                report.totals += counts
                report.documents.append((document.name, counts))
            }
        }
        report.analyzedDocuments = corpus.documents.count * repetitions
        report.analysisSeconds = Self.seconds(elapsed)
        return report
    }

    /// Missed gold attributions and unmatched predictions, with their text, for rule work.
    func errors(_ corpus: EvalCorpus, limit: Int, includeMatches: Bool) throws -> String {
        var lines: [String] = []
        for document in corpus.documents where lines.count < limit * 2 {
            let request = AnalyzeRequest(
                article: Article(id: document.name, body: document.text), options: AnalyzeOptions(offsetUnit: .unicodeScalar))
            let response = try self.analyze(request)
            let predictions = response.quotes.compactMap(PredictedAttribution.init)
            let metric = AttributionMetric(text: document.text)
            let pairs = metric.match(gold: document.gold, predictions: predictions)
            let scalars = Array(document.text.unicodeScalars)
            func show(_ ranges: [Range<Int>]) -> String {
                ranges.map { range in
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
                    return String(view)
                }.joined(separator: " | ").replacingOccurrences(of: "\n", with: " ")
            }
            let matchedGold = Set(pairs.map(\.gold))
            let matchedPredictions = Set(pairs.map(\.prediction))
            for (index, gold) in document.gold.enumerated() where !matchedGold.contains(index) {
                let near = predictions.enumerated().first { position, prediction in
                    !matchedPredictions.contains(position) && gold.content.contains { $0.overlaps(prediction.content) }
                }
                let label = near == nil ? "MISS" : "MISS~"
                lines.append("\(label) \(document.name) [\(show(gold.source))] [\(show(gold.cue))] {\(show(gold.content))}")
            }
            for (index, prediction) in predictions.enumerated() where !matchedPredictions.contains(index) || includeMatches {
                lines.append(
                    "\(matchedPredictions.contains(index) ? "MATCH" : "FALSE") \(document.name) [\(show(prediction.speaker.map { [$0] } ?? []))] [\(show(prediction.cue.map { [$0] } ?? []))] {\(show([prediction.content]))}")
            }
            for (goldIndex, predictionIndex) in pairs {
                let gold = document.gold[goldIndex]
                let prediction = predictions[predictionIndex]
                if !(prediction.speaker.map { range in gold.source.contains { $0.overlaps(range) } } ?? false) {
                    lines.append(
                        "SPEAKER \(document.name) gold [\(show(gold.source))] [\(show(gold.cue))] predicted [\(show(prediction.speaker.map { [$0] } ?? []))] [\(show(prediction.cue.map { [$0] } ?? []))] {\(show(gold.content).prefix(60))}")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Actors, quotes (with their speaker's name) and demands of each document, one per line.
    func analysisListing(_ corpus: EvalCorpus) throws -> String {
        var lines: [String] = []
        for document in corpus.documents {
            let response = try self.analyze(
                AnalyzeRequest(article: Article(id: document.name, body: document.text), options: AnalyzeOptions(offsetUnit: .unicodeScalar)))
            let names = Dictionary(uniqueKeysWithValues: response.actors.map { ($0.id, $0.name) })
            lines.append("== \(document.name)")
            for actor in response.actors {
                lines.append("ACTOR \(actor.id) \(actor.name) | title: \(actor.title) | affiliation: \(actor.affiliation) | \(actor.kind) | \(actor.mentions.count) mentions")
            }
            for quote in response.quotes {
                lines.append("QUOTE \(quote.id) \(quote.kind) speaker=\(names[quote.speakerID] ?? "-") cue=\(quote.cue) conf=\(quote.confidence) {\(quote.text.prefix(80))}")
            }
            for demand in response.demands {
                lines.append(
                    "DEMAND \(demand.id) \(names[demand.demanderID] ?? "-") -> \(names[demand.addresseeID] ?? "-") cue=\(demand.cue) quote=\(demand.quoteID) {\(demand.action)}")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Times one body of each size, built by repeating the corpus texts.
    func scaling(_ corpus: EvalCorpus, megabytes: [Int]) throws -> [String] {
        let clock = ContinuousClock()
        var lines: [String] = []
        for size in megabytes {
            var body = ""
            var index = 0
            while body.utf8.count < size * 1_000_000 {
                body += corpus.documents[index % corpus.documents.count].text + "\n"
                index += 1
            }
            let request = AnalyzeRequest(article: Article(body: body))
            let start = clock.now
            let response = try self.analyze(request)
            let seconds = Self.seconds(clock.now - start)
            lines.append(
                "scaling: \(body.utf8.count) bytes in \(EvalReport.format(seconds * 1000)) ms "
                    + "(\(response.quotes.count) quotes, \(response.demands.count) demands)"
            )
        }
        return lines
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
