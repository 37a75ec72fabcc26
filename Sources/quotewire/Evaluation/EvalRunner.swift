import Foundation

#if canImport(Glibc)
import Glibc
#endif
import QuotewireEvaluation
import QuotewireModel

/// Runs an analysis function over a corpus and scores it; the analysis is a
/// function of a request, so a remote analyzer can stand in for the local one.
struct EvalRunner {
    var analyze: (AnalyzeRequest) async throws -> AnalyzeResponse

    /// Scores the corpus; with `demandGold` (items by document), also the demands of the judged documents.
    func evaluate(_ corpus: EvalCorpus, repetitions: Int, demandGold: [String: [DemandGoldItem]]? = nil) async throws
        -> EvalReport
    {
        var report = EvalReport()
        if demandGold != nil { report.demands = DemandCounts() }
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        var cpuSeconds = 0.0
        for round in 0..<repetitions {
            for document in corpus.documents {
                let request = Self.request(for: document)
                let start = clock.now
                let cpuStart = Self.threadCPUSeconds()
                let response = try await self.analyze(request)
                cpuSeconds += Self.threadCPUSeconds() - cpuStart
                elapsed += clock.now - start
                guard round == 0 else { continue }
                let metric = AttributionMetric(text: document.text)
                let counts = metric.evaluate(
                    gold: document.gold,
                    predictions: response.quotes.compactMap(PredictedAttribution.init)
                )
                report.totals += counts
                if let items = demandGold?[document.name] {
                    let predictions = Self.demands(of: response)
                    report.demands? += DemandMetric().evaluate(gold: items, predictions: predictions)
                    report.demandCurve.add(
                        judged: DemandMetric().judged(gold: items, predictions: predictions), gold: items.filter(\.isDemand).count)
                }
                report.documents.append((document.name, counts))
                report.curve.add(
                    gold: document.gold,
                    predictions: response.quotes.compactMap { quote in PredictedAttribution(quote).map { ($0, quote.confidence) } },
                    metric: metric)
            }
        }
        report.analyzedDocuments = corpus.documents.count * repetitions
        report.analysisSeconds = elapsed.inSeconds
        report.analysisCPUSeconds = cpuSeconds
        return report
    }

    /// Each miss and false alarm by kind, with its text: `missed-cue` (a gold content no prediction
    /// touches), `boundary` (a gold content overlapped only by predictions that do not match it, and
    /// those predictions), `speaker` (a matched content with the wrong speaker), `spurious` (a
    /// prediction that overlaps no gold content). `matched` lines too with `includeMatches`.
    func errors(_ corpus: EvalCorpus, limit: Int, includeMatches: Bool) async throws -> String {
        var tally = ErrorTally(limit: limit)
        for document in corpus.documents {
            let request = Self.request(for: document)
            let response = try await self.analyze(request)
            let predictions = response.quotes.compactMap(PredictedAttribution.init)
            let metric = AttributionMetric(text: document.text)
            let pairs = metric.match(gold: document.gold, predictions: predictions)
            let excerpt = TextExcerpt(document.text)
            func show(_ ranges: [Range<Int>]) -> String { excerpt.show(ranges) }
            func show(_ prediction: PredictedAttribution) -> String {
                "[\(show(prediction.speaker.map { [$0] } ?? []))] [\(show(prediction.cue.map { [$0] } ?? []))] {\(show([prediction.content]))}"
            }
            func emit(_ kind: String, _ text: String) { tally.add(kind, in: document.name, text) }
            let matchedGold = Set(pairs.map(\.gold))
            let matchedPredictions = Set(pairs.map(\.prediction))
            for (index, gold) in document.gold.enumerated() where !matchedGold.contains(index) {
                let near = predictions.enumerated().first { position, prediction in
                    !matchedPredictions.contains(position) && gold.content.contains { $0.overlaps(prediction.content) }
                }
                let nearText = near.map { " ~~ predicted {\(show([$0.element.content]))}" } ?? ""
                emit(near == nil ? "missed-cue" : "boundary", "[\(show(gold.source))] [\(show(gold.cue))] {\(show(gold.content))}\(nearText)")
            }
            for (index, prediction) in predictions.enumerated() {
                if matchedPredictions.contains(index) {
                    if includeMatches { emit("matched", show(prediction)) }
                    continue
                }
                let touchesGold = document.gold.contains { gold in gold.content.contains { $0.overlaps(prediction.content) } }
                emit(touchesGold ? "boundary" : "spurious", show(prediction))
            }
            for (goldIndex, predictionIndex) in pairs {
                let gold = document.gold[goldIndex]
                let prediction = predictions[predictionIndex]
                if !(prediction.speaker.map { range in gold.source.contains { $0.overlaps(range) } } ?? false) {
                    emit(
                        "speaker",
                        "gold [\(show(gold.source))] [\(show(gold.cue))] predicted [\(show(prediction.speaker.map { [$0] } ?? []))] {\(show(gold.content).prefix(80))}")
                }
            }
        }
        return tally.report("errors", kinds: ["missed-cue", "boundary", "speaker", "spurious"])
    }

    /// Each judged demand that went wrong, by kind, with its text: `demand-missed` (no predicted
    /// demand overlaps the gold action), `demand-demander` and `demand-addressee` (found, with the
    /// wrong one), `demand-false-alarm` (a predicted demand on a gold non-demand). `demand-found`
    /// lines too with `includeMatches`.
    func demandErrors(_ corpus: EvalCorpus, gold: [String: [DemandGoldItem]], limit: Int, includeMatches: Bool)
        async throws -> String
    {
        var tally = ErrorTally(limit: limit)
        for document in corpus.documents {
            guard let items = gold[document.name] else { continue }
            let response = try await self.analyze(Self.request(for: document))
            let predictions = Self.demands(of: response)
            let excerpt = TextExcerpt(document.text)
            func show(_ ranges: [Range<Int>]) -> String { excerpt.show(ranges) }
            func show(_ demand: PredictedDemand) -> String {
                "[\(show(Array(demand.demander.prefix(1))))] -> [\(show(Array(demand.addressee.prefix(1))))] {\(show([demand.action]))}"
            }
            func emit(_ kind: String, _ text: String) { tally.add(kind, in: document.name, text) }
            let outcomes = DemandMetric().outcomes(gold: items, predictions: predictions)
            for (item, outcome) in zip(items, outcomes) {
                let goldText =
                    "gold [\(show(item.source))] \(show(item.cue)) -> [\(show(item.addressee.map { [$0] } ?? []))] {\(show(item.action.map { [$0] } ?? item.content))}"
                switch outcome {
                case .missed:
                    emit("demand-missed", goldText)
                case .found(let index, let demander, let addressee):
                    if !demander { emit("demand-demander", goldText + " predicted " + show(predictions[index])) }
                    if !addressee { emit("demand-addressee", goldText + " predicted " + show(predictions[index])) }
                    if demander && addressee && includeMatches { emit("demand-found", show(predictions[index])) }
                case .falseAlarm(let index):
                    emit("demand-false-alarm", goldText + " predicted " + show(predictions[index]))
                case .rejected:
                    break
                }
            }
        }
        return tally.report("demand errors", kinds: ["demand-missed", "demand-demander", "demand-addressee", "demand-false-alarm"])
    }

    static func demands(of response: AnalyzeResponse) -> [PredictedDemand] {
        response.demands.compactMap { PredictedDemand($0, in: response) }
    }

    /// Actors, quotes (with their speaker's name) and demands of each document, one per line.
    func analysisListing(_ corpus: EvalCorpus) async throws -> String {
        var lines: [String] = []
        for document in corpus.documents {
            let response = try await self.analyze(Self.request(for: document))
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

    /// Times bodies of each size built by repeating corpus text and pathological patterns, to show
    /// that analysis time grows linearly with the body. Each body is analyzed twice and the second
    /// run is timed, as a long-running server would see it.
    func scaling(_ corpus: EvalCorpus, megabytes: [Int]) async throws -> [String] {
        let sample = corpus.documents.prefix(40).map(\.text).joined(separator: "\n")
        let flattened = String(sample.unicodeScalars.filter { $0.properties.isAlphabetic || $0 == " " }.map(Character.init))
        let patterns: [(label: String, unit: String)] = [
            ("corpus text", sample + "\n"),
            ("no punctuation, one paragraph", flattened + " "),
            ("only quote marks", "\"“”«»„‘’' "),
            ("split quotes", "“We will see,” she said, “what comes of it. "),
            ("cue words", "said says told according to urged Congress to "),
        ]
        let clock = ContinuousClock()
        var lines: [String] = []
        for pattern in patterns {
            var timings: [String] = []
            for size in megabytes {
                let target = size * 1_000_000
                let repeats = max(1, target / max(1, pattern.unit.utf8.count))
                let body = String(repeating: pattern.unit, count: repeats)
                let request = AnalyzeRequest(article: Article(body: body))
                // A first run warms the allocator (fresh pages cost the kernel more than the analysis).
                _ = try await self.analyze(request)
                let start = clock.now
                let cpuStart = Self.threadCPUSeconds()
                let response = try await self.analyze(request)
                let cpu = Self.threadCPUSeconds() - cpuStart
                let seconds = (clock.now - start).inSeconds
                timings.append(
                    "\(EvalReport.format(Double(body.utf8.count) / 1e6, digits: 1)) MB: "
                        + "\(EvalReport.format(cpu * 1000, digits: 1)) ms CPU, \(EvalReport.format(seconds * 1000, digits: 1)) ms wall "
                        + "(\(response.quotes.count) quotes)")
            }
            lines.append("scaling, \(pattern.label): " + timings.joined(separator: ", "))
        }
        return lines
    }

    /// The request for one document, in the Unicode scalar offsets that brat uses.
    static func request(for document: EvalCorpus.Document) -> AnalyzeRequest {
        AnalyzeRequest(
            article: Article(id: document.name, body: document.text), options: AnalyzeOptions(offsetUnit: .unicodeScalar))
    }

    /// CPU time of the calling thread, so a busy shared machine does not count against the analysis.
    static func threadCPUSeconds() -> Double {
        #if canImport(Glibc)
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        #else
        return 0
        #endif
    }
}
