import QuotewireModel

/// Runs the stages over one body and assembles the response.
struct AnalysisPipeline {
    let text: TextBuffer
    let options: AnalyzeOptions
    let model: AttributionModel

    init(body: String, options: AnalyzeOptions, model: AttributionModel) {
        self.text = TextBuffer(body)
        self.options = options
        self.model = model
    }

    /// The attributions of a document: the rules and the cue lexicon propose, the model's scorer scores,
    /// the chooser keeps the best consistent set; each keeps its calibrated score as confidence.
    static func attributions(_ index: DocumentIndex, cues: [Cue], model: AttributionModel) -> [Attribution] {
        let candidates = CandidateProposer(priors: model.priors, classes: model.classes).propose(index, ruleCues: cues)
        let scores = model.scorer.scores(candidates, index)
        let chosen = CandidateChooser(requiresConsistency: model.scorer.requiresConsistency).choose(candidates, scores: scores, threshold: model.scorer.threshold)
        // Text order; on equal starts the rules' own order, so the rules alone give exactly their output.
        let ordered = chosen.sorted { lhs, rhs in
            let left = candidates.attributions[lhs]
            let right = candidates.attributions[rhs]
            if left.attribution.content.lowerBound != right.attribution.content.lowerBound {
                return left.attribution.content.lowerBound < right.attribution.content.lowerBound
            }
            return (left.ruleRank ?? Int.max, lhs) < (right.ruleRank ?? Int.max, rhs)
        }
        let cued = ordered.filter { candidates.attributions[$0].cueIndex != nil }
        let speakers = model.scorer.speakers(candidates, index, chosen: cued)
        var nextSpeaker = 0
        return ordered.map { position in
            var attribution = candidates.attributions[position].attribution
            attribution.confidence = model.scorer.confidence(scores[position])
            if candidates.attributions[position].cueIndex != nil {
                if let speakers { attribution.speaker = speakers[nextSpeaker] }
                nextSpeaker += 1
            }
            return attribution
        }
    }

    /// `budget` is checked between stages and before each quote or demand
    /// is built (see ``AnalysisBudget``).
    func run(budget: AnalysisBudget = .unlimited) throws(AnalyzeError) -> AnalyzeResponse {
        let tokens = Tokenizer().tokenize(self.text)
        try budget.checkCancelled()
        let sentences = SentenceSplitter().split(tokens)
        let quotes = QuotePairer().pair(tokens, in: self.text)
        let index = DocumentIndex(tokens: tokens, sentences: sentences, quotes: quotes)
        try budget.checkCancelled()
        let cues = CueFinder().find(tokens, quoted: index.isQuoted)
        let attributions = Self.attributions(index, cues: cues, model: self.model)
        try budget.checkCancelled()
        var actors = ActorRegistry(text: self.text, tokens: tokens, sentences: sentences)
        let speakerRecords = attributions.map { attribution in attribution.speaker.flatMap { actors.resolve($0) } }
        var demands: [DemandCandidate] = []
        if !self.options.skipDemands {
            demands = DemandFinder().find(index, cues: cues, attributions: attributions, actors: &actors)
        }
        try budget.checkCancelled()
        var textBytes = 0  // a lower bound of the answer's size: one byte per scalar of the strings
        let converter = OffsetConverter(self.text, unit: self.options.offsetUnit)
        let (actorList, actorIDs) = actors.makeActors(converter: converter)
        var response = AnalyzeResponse()
        var quoteIDs: [String] = Array(repeating: "", count: attributions.count)
        for (position, attribution) in attributions.enumerated() where attribution.confidence >= self.options.minConfidence {
            textBytes += attribution.content.count
            try budget.checkResponseBytes(textBytes)
            let id = "q\(response.quotes.count + 1)"
            quoteIDs[position] = id
            response.quotes.append(
                Quote(
                    id: id, kind: attribution.kind, text: self.text.string(attribution.content),
                    span: converter.span(attribution.content), speakerID: speakerRecords[position].flatMap { actorIDs[$0] } ?? "",
                    speakerSpan: attribution.speaker.map { converter.span(self.scalars($0, tokens)) },
                    cue: attribution.cue.map { self.text.string(self.scalars($0.first..<($0.last + 1), tokens)) } ?? "",
                    cueSpan: attribution.cue.map { converter.span(self.scalars($0.first..<($0.last + 1), tokens)) },
                    confidence: attribution.confidence
                ))
        }
        for demand in demands where demand.confidence >= self.options.minConfidence {
            textBytes += demand.action.count
            try budget.checkResponseBytes(textBytes)
            response.demands.append(
                Demand(
                    id: "d\(response.demands.count + 1)", demanderID: demand.demanderRecord.flatMap { actorIDs[$0] } ?? "",
                    addresseeID: demand.addresseeRecord.flatMap { actorIDs[$0] } ?? "",
                    action: self.text.string(demand.action), actionSpan: converter.span(demand.action),
                    cue: self.text.string(self.scalars(demand.cue, tokens)),
                    cueSpan: converter.span(self.scalars(demand.cue, tokens)),
                    quoteID: demand.attribution.map { quoteIDs[$0] } ?? "", confidence: demand.confidence,
                    demanderSpan: demand.demander.map { converter.span(self.scalars($0, tokens)) },
                    addresseeSpan: demand.addressee.map { converter.span(self.scalars($0, tokens)) }
                ))
        }
        response.actors = actorList
        let paragraphs = tokens.last.map { Int($0.paragraph) + 1 } ?? 0
        response.stats = AnalysisStats(
            paragraphs: UInt32(truncatingIfNeeded: paragraphs), sentences: UInt32(truncatingIfNeeded: sentences.count),
            tokens: UInt32(truncatingIfNeeded: tokens.count), bodyBytes: UInt32(truncatingIfNeeded: self.text.utf8Count)
        )
        return response
    }

    private func scalars(_ tokenRange: Range<Int>, _ tokens: [Token]) -> Range<Int> {
        guard !tokenRange.isEmpty else { return 0..<0 }
        return Int(tokens[tokenRange.lowerBound].start)..<Int(tokens[tokenRange.upperBound - 1].end)
    }
}
