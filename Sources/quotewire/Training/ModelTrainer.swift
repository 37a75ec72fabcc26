@_spi(Training) import QuotewireAnalysis
import QuotewireEvaluation

/// Trains the attribution model on a brat corpus: the cue lexicon from gold cues, then a logistic
/// model over the candidates' features, its threshold chosen on out-of-fold scores. Deterministic:
/// the same corpus gives the same model.
struct ModelTrainer {
    /// Words seen as part of a cue fewer times than this are not in the lexicon.
    var minimumCueCount = 3
    /// Words proposed as cues on their own need at least this prior.
    var minimumPrior: Float = 0.3
    var trainer = LogisticTrainer()
    /// Folds for choosing the threshold on scores the model did not train on.
    var folds = 2
    /// Each word's usual part-of-speech class, from the tagged training lexicon.
    var classes: [(word: String, wordClass: UInt8)] = []

    /// The model, as the writer of its Swift source; what it measured goes to `log`.
    func train(_ corpus: EvalCorpus, log: (String) -> Void) -> TrainedModelWriter {
        let priors = self.cuePriors(corpus)
        log("train: \(priors.count) cue words (seen as a cue at least \(self.minimumCueCount) times)")
        let (documents, matches) = self.candidates(corpus, priors: priors)
        let labels = matches.map { $0.map { $0 != nil } }
        let candidates = documents.reduce(0) { $0 + $1.features.count }
        let positives = labels.reduce(0) { $0 + $1.filter { $0 }.count }
        log("train: \(candidates) candidates in \(documents.count) documents, \(positives) matching gold content")
        let reachable = zip(corpus.documents, documents).reduce(0) { sum, pair in
            sum + Self.reachableGold(pair.1.contents, gold: pair.0.gold, text: pair.0.text)
        }
        let gold = corpus.documents.reduce(0) { $0 + $1.gold.count }
        log("train: \(reachable) of \(gold) gold contents have a matching candidate (the recall a perfect chooser reaches)")

        let scores = self.outOfFoldScores(documents, labels)
        var best = (threshold: Float(0.5), f1: -1.0)
        for step in stride(from: 20, through: 80, by: 2) {
            let threshold = Float(step) / 100
            let f1 = self.outOfFoldCounts(corpus, documents, scores, threshold: threshold).content.f1
            if f1 > best.f1 { best = (threshold, f1) }
        }
        let speakerModels = self.fitSpeakers(corpus, documents, matches, log: log)
        let counts = self.outOfFoldCounts(
            corpus, documents, scores, threshold: best.threshold, speakerWeights: speakerModels.outOfFold)
        log("train: threshold \(best.threshold) (out-of-fold content F1 \(best.f1), content+speaker F1 \(counts.contentSpeaker.f1))")
        let calibration = self.calibration(corpus, documents, scores, threshold: best.threshold)
        log("train: confidence = sigmoid(\(calibration.slope) · logit(score) + \(calibration.intercept)) (Platt, out of fold)")
        let weights = self.fit(Array(documents.indices), documents, labels)
        let speakerWeights = speakerModels.all
        var writer = TrainedModelWriter(
            bits: self.trainer.bits, threshold: best.threshold, minimumPrior: self.minimumPrior, priors: priors,
            weights: weights, speakerWeights: speakerWeights, classes: self.classes)
        writer.calibration = calibration
        return writer
    }

    /// Platt scaling fitted on the out-of-fold scores of the candidates the chooser keeps at
    /// `threshold`, each an outcome of whether its content matches a gold content (IoU >= 0.5).
    private func calibration(
        _ corpus: EvalCorpus, _ documents: [TrainingDocument], _ scores: [[Float]], threshold: Float
    ) -> (slope: Float, intercept: Float) {
        var chosenScores: [Float] = []
        var outcomes: [Bool] = []
        for (position, document) in corpus.documents.enumerated() {
            let metric = AttributionMetric(text: document.text)
            let gold = document.gold.map { metric.trim($0.content) }
            let contents = documents[position].contents
            for candidate in documents[position].choose(scores: scores[position], threshold: threshold) {
                guard let content = metric.trim([contents[candidate]]).first else { continue }
                chosenScores.append(scores[position][candidate])
                outcomes.append(gold.contains { AttributionMetric.iou($0, content) >= AttributionMetric.threshold })
            }
        }
        return PlattFitter().fit(scores: chosenScores, outcomes: outcomes)
    }

    /// Each document's candidates proposed with the cue `priors`, and for each candidate the gold
    /// attribution it matches (see ``matches(_:cues:gold:text:)``).
    private func candidates(
        _ corpus: EvalCorpus, priors: [(word: String, prior: Float)]
    ) -> (documents: [TrainingDocument], matches: [[Int?]]) {
        let lexicon = TrainingLexicon(priors: priors, minimumPrior: self.minimumPrior, classes: self.classes)
        let documents = corpus.documents.map { TrainingDocument(body: $0.text, lexicon: lexicon) }
        let matches = zip(corpus.documents, documents).map { document, candidates in
            Self.matches(candidates.contents, cues: candidates.cues, gold: document.gold, text: document.text)
        }
        return (documents, matches)
    }

    /// Each candidate's score by a model trained on the other folds.
    private func outOfFoldScores(_ documents: [TrainingDocument], _ labels: [[Bool]]) -> [[Float]] {
        var scores = documents.map { [Float](repeating: 0, count: $0.features.count) }
        for fold in 0..<self.folds {
            let training = documents.indices.filter { $0 % self.folds != fold }
            let weights = self.fit(training, documents, labels)
            for position in documents.indices where position % self.folds == fold {
                scores[position] = self.trainer.probabilities(documents[position].features, weights: weights)
            }
        }
        return scores
    }

    /// Why gold contents of `corpus` are missed, with up to `examples` of each kind: what the
    /// out-of-fold model chose at `threshold`, and which gold contents no candidate reaches.
    func coverage(_ corpus: EvalCorpus, examples: Int, threshold: Float) -> CandidateCoverage {
        let (documents, matches) = self.candidates(corpus, priors: self.cuePriors(corpus))
        let labels = matches.map { $0.map { $0 != nil } }
        let scores = self.outOfFoldScores(documents, labels)
        var coverage = CandidateCoverage(limit: examples)
        for (position, document) in corpus.documents.enumerated() {
            let chosen = documents[position].choose(scores: scores[position], threshold: threshold)
            coverage.add(documents[position], chosen: chosen, gold: document.gold, text: document.text, name: document.name)
        }
        return coverage
    }

    private func fit(_ selection: [Int], _ documents: [TrainingDocument], _ labels: [[Bool]]) -> [Float] {
        var examples: [[UInt32]] = []
        var flat: [Bool] = []
        for position in selection {
            examples.append(contentsOf: documents[position].features)
            flat.append(contentsOf: labels[position])
        }
        return self.trainer.fit(examples, labels: flat)
    }

    /// The `eval` metric's counts of the contents the chooser keeps at `threshold` with out-of-fold
    /// `scores`; with `speakerWeights` (one per fold), each content of a cue gets the speaker candidate
    /// its fold's speaker model scores best, as ``TrainedScorer`` chooses, and one without a cue keeps its own.
    private func outOfFoldCounts(
        _ corpus: EvalCorpus, _ documents: [TrainingDocument], _ scores: [[Float]], threshold: Float,
        speakerWeights: [[Float]]? = nil
    ) -> EvaluationCounts {
        var totals = EvaluationCounts()
        for (position, document) in corpus.documents.enumerated() {
            let candidates = documents[position]
            let chosen = candidates.choose(scores: scores[position], threshold: threshold)
            let contents = candidates.contents
            let cueIndices = candidates.cueIndices
            let predictions = chosen.map { candidate in
                PredictedAttribution(
                    content: contents[candidate],
                    speaker: speakerWeights.flatMap { weights in
                        guard cueIndices[candidate] != nil else { return candidates.proposedSpeakers[candidate] }
                        return self.speaker(among: candidates.speakers[candidate], weights: weights[position % self.folds])
                    })
            }
            totals += AttributionMetric(text: document.text).evaluate(gold: document.gold, predictions: predictions)
        }
        return totals
    }

    /// The speaker candidate of a cue that the speaker model with `weights` scores best.
    private func speaker(among options: [(range: Range<Int>, features: [UInt32])], weights: [Float]) -> Range<Int>? {
        let scores = self.trainer.probabilities(options.map(\.features), weights: weights)
        return scores.indices.max { scores[$0] < scores[$1] }.map { options[$0].range }
    }

    /// The speaker model: for each cue with a span matching gold, which of its speaker candidates
    /// overlaps the gold source (a table of its own, so the content model's scores and calibration
    /// do not depend on it), trained on all documents and on each fold's others. Its out-of-fold
    /// accuracy (the share of those cues whose best-scoring speaker overlaps the gold source) goes to `log`.
    private func fitSpeakers(
        _ corpus: EvalCorpus, _ documents: [TrainingDocument], _ matches: [[Int?]], log: (String) -> Void
    ) -> (all: [Float], outOfFold: [[Float]]) {
        // Per document, per matched cue: its speaker candidates' features and labels.
        let groups = documents.indices.map { position in
            let gold = corpus.documents[position].gold
            let document = documents[position]
            var seen = Set<Int>()
            return matches[position].enumerated().compactMap { candidate, match -> [(features: [UInt32], label: Bool)]? in
                guard let match, let cue = document.cueIndices[candidate], !gold[match].source.isEmpty,
                    seen.insert(cue).inserted
                else { return nil }
                return document.speakers[candidate].map { ($0.features, AttributionMetric.overlaps(gold[match].source, $0.range)) }
            }
        }
        func fit(_ selection: [Int]) -> [Float] {
            let speakers = selection.flatMap { groups[$0].joined() }
            return self.trainer.fit(speakers.map(\.features), labels: speakers.map(\.label))
        }
        let cues = groups.joined()
        let reachable = cues.filter { $0.contains { $0.label } }.count
        var correct = 0
        // The model of fold f is trained on the documents of the other folds.
        let outOfFold = (0..<self.folds).map { fold in fit(documents.indices.filter { $0 % self.folds != fold }) }
        for position in documents.indices {
            for cue in groups[position] {
                let scores = self.trainer.probabilities(cue.map(\.features), weights: outOfFold[position % self.folds])
                if let best = scores.indices.max(by: { scores[$0] < scores[$1] }), cue[best].label { correct += 1 }
            }
        }
        log("train: \(cues.count) matched cues with a gold source; a speaker candidate overlaps it for \(reachable), "
            + "the out-of-fold choice for \(correct)")
        return (fit(Array(documents.indices)), outOfFold)
    }

    /// For each candidate, the gold attribution whose content it matches (the metric's IoU >= 0.5) and
    /// whose cue it shares; a candidate without a cue may match any gold content.
    static func matches(_ contents: [Range<Int>], cues: [Range<Int>?], gold: [GoldAttribution], text: String) -> [Int?] {
        let metric = AttributionMetric(text: text)
        let goldContents = gold.map { metric.trim($0.content) }
        return zip(contents, cues).map { content, cue in
            let trimmed = metric.trim([content])
            guard let range = trimmed.first else { return nil }
            return gold.indices.first { position in
                guard AttributionMetric.iou(goldContents[position], range) >= AttributionMetric.threshold else { return false }
                guard let cue, !gold[position].cue.isEmpty else { return true }
                return AttributionMetric.overlaps(gold[position].cue, cue)
            }
        }
    }

    /// How many gold contents some candidate matches.
    static func reachableGold(_ contents: [Range<Int>], gold: [GoldAttribution], text: String) -> Int {
        let metric = AttributionMetric(text: text)
        let candidates = contents.compactMap { metric.trim([$0]).first }
        return gold.filter { attribution in
            let trimmed = metric.trim(attribution.content)
            return candidates.contains { AttributionMetric.iou(trimmed, $0) >= AttributionMetric.threshold }
        }.count
    }

    /// Each word's share of occurrences inside a gold cue, for words seen in a cue often enough.
    func cuePriors(_ corpus: EvalCorpus) -> [(word: String, prior: Float)] {
        var counts: [String: (cue: Int, total: Int)] = [:]
        for document in corpus.documents {
            for (word, isCue) in TrainingLexicon.words(of: document.text, cues: document.gold.flatMap(\.cue)) {
                var count = counts[word] ?? (0, 0)
                count.total += 1
                if isCue { count.cue += 1 }
                counts[word] = count
            }
        }
        return counts.filter { $0.value.cue >= self.minimumCueCount }
            .map { (word: $0.key, prior: Float($0.value.cue) / Float($0.value.total)) }
            .sorted { $0.word < $1.word }
    }
}
