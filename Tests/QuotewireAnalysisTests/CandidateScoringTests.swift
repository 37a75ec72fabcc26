import Foundation
import QuotewireModel
import Testing

@_spi(Training) @testable import QuotewireAnalysis

/// The seam between proposing and choosing: the rule scorer gives exactly the rules' answers, the
/// chooser keeps a consistent set, the trained model loads and training is deterministic.
@Suite("Candidates, scorers and training")
struct CandidateScoringTests {
    static let texts = [
        "“The bridge opens in May,” she said. “We are ready.” The mayor told reporters that the budget was tight.",
        "Smith, a senator from Vermont, said the bill would pass, warning that delays would cost money.",
        "According to the agency, forty drivers will start next month. Critics called the plan “a gamble.”",
        "Senator Ann Doe: “We will not back down.” Recently, he said, the town has grown.",
        "The council urged the state to send more money, and Mayor Ines Carver argued that the pier must be rebuilt.",
    ]

    @Test("the rule scorer chooses exactly what the rules attribute, in their order")
    func ruleScorerReproducesTheRules() throws {
        for body in Self.texts {
            let (_, index) = TestSupport.index(body)
            let cues = CueFinder().find(index.tokens, quoted: index.isQuoted)
            let rules = Attributor().attribute(index, cues: cues)
            let chosen = AnalysisPipeline.attributions(index, cues: cues, model: .rules)
            #expect(chosen.map(\.content) == rules.map(\.content), "\(body)")
            #expect(chosen.map(\.speaker) == rules.map(\.speaker), "\(body)")
            #expect(chosen.map { $0.cue?.first } == rules.map { $0.cue?.first }, "\(body)")
            #expect(chosen.map(\.confidence) == rules.map(\.confidence), "\(body)")
        }
    }

    @Test("crossing contents conflict, nested ones only when nearly the same")
    func chooserConsistency() {
        #expect(CandidateChooser.isSameClaimOrCrossing(0..<10, 5..<15))
        #expect(!CandidateChooser.isSameClaimOrCrossing(0..<100, 10..<20))
        #expect(CandidateChooser.isSameClaimOrCrossing(0..<10, 0..<9))
        #expect(!CandidateChooser.isSameClaimOrCrossing(0..<10, 10..<20))
    }

    @Test("the chooser keeps the best of two spans of one cue and drops a crossing one")
    func chooserPicksBestConsistentSet() {
        let body = "The mayor said the plan, which is new, would work. Others disagreed strongly today."
        let (_, index) = TestSupport.index(body)
        let cue = Cue(first: 2, last: 2, entry: CandidateProposer.entry(for: index.tokens[2]))
        func candidate(_ range: Range<Int>, cueIndex: Int?) -> AttributionCandidate {
            AttributionCandidate(
                attribution: Attribution(
                    content: range, firstToken: 0, endToken: 0, kind: .indirect, speaker: nil, cue: cue, confidence: 0,
                    rule: .learned),
                origin: .rightClause, cueIndex: cueIndex, isRuleChoice: false)
        }
        var set = CandidateSet()
        set.cues = [CueCandidate(cue: cue, prior: 1, isRuleCue: true, speaker: nil)]
        set.attributions = [candidate(15..<49, cueIndex: 0), candidate(15..<23, cueIndex: 0), candidate(40..<60, cueIndex: nil)]
        let chosen = CandidateChooser().choose(set, scores: [0.9, 0.95, 0.8], threshold: 0.5)
        // The shorter span of the cue scores higher; the longer one is the same cue; the third crosses neither.
        #expect(chosen == [1, 2])
        #expect(CandidateChooser().choose(set, scores: [0.9, 0.1, 0.8], threshold: 0.5) == [0])
    }

    @Test("the compiled model loads: a cue lexicon and weights")
    func trainedModelLoads() {
        let model = AttributionModel.trained
        #expect(model.priors.prior(WordHash("said")) > 0.5)
        #expect(!model.priors.proposes(WordHash("the")))
        #expect(model.priors.proposes(WordHash("said")))
        #expect(model.scorer.threshold > 0 && model.scorer.threshold < 1)
    }

    @Test("the trained model finds a cue the rules do not know")
    func trainedModelFindsLearnedCue() throws {
        let body = "Dockworkers balked at the timetable. The mayor hailed the plan as overdue."
        let request = AnalyzeRequest(article: Article(body: body), options: AnalyzeOptions(offsetUnit: .unicodeScalar))
        let rules = try Analyzer(scoring: .rules).analyze(request).quotes
        let trained = try Analyzer(scoring: .trained).analyze(request).quotes
        #expect(rules.isEmpty)
        #expect(trained.contains { $0.cue == "hailed" })
        #expect(trained.allSatisfy { $0.confidence >= AttributionModel.trained.scorer.threshold && $0.confidence <= 1 })
    }

    @Test("training is deterministic and learns a separable problem")
    func trainingIsDeterministic() {
        // Feature 1 marks positives, feature 2 negatives; feature 3 is noise on both.
        var examples: [[UInt32]] = []
        var labels: [Bool] = []
        for position in 0..<400 {
            let positive = position % 3 == 0
            examples.append([positive ? 1 : 2, 3, UInt32(100 + position % 7)])
            labels.append(positive)
        }
        let trainer = LogisticTrainer(bits: 10, epochs: 3)
        let first = trainer.fit(examples, labels: labels)
        let second = trainer.fit(examples, labels: labels)
        #expect(first == second)
        let probabilities = trainer.probabilities(examples, weights: first)
        #expect(zip(probabilities, labels).allSatisfy { probability, label in label ? probability > 0.8 : probability < 0.2 })
        let writer = TrainedModelWriter(
            bits: 10, threshold: 0.42, minimumPrior: 0.3, priors: [("said", 0.9), ("argued", 0.7)], weights: first,
            classes: [("said", 3), ("mayor", 1), ("argued", 3)])
        let source = writer.source(command: "test")
        #expect(source == writer.source(command: "test"))
        #expect(source.contains("static let threshold: Float = 0.4200"))
        // The weights read back to four decimals.
        let body = source.components(separatedBy: "static let weights = \"\"\"\n")[1].components(separatedBy: "\"\"\"")[0]
        let parsed = TrainedModelData.parseWeights(body, bits: 10)
        #expect(zip(parsed, first).allSatisfy { abs($0 - $1) <= 0.0001 || abs($1) < TrainedModelWriter.smallestWeight })
        #expect(TrainedModelData.parsePriors("said 0.9000\nargued 0.7000").map(\.word) == ["said", "argued"])
        // Word classes read back, grouped by class, and classify tokens (punctuation by its kind).
        let classText = source.components(separatedBy: "static let wordClasses = \"\"\"\n")[1].components(separatedBy: "\"\"\"")[0]
        let classes = TrainedModelData.parseClasses(classText)
        #expect(classes.map(\.word) == ["mayor", "argued", "said"] && classes.map(\.wordClass) == [1, 3, 3])
        let (_, tokens) = TestSupport.tokens("The Mayor argued,")
        let table = WordClasses(classes)
        #expect(tokens.map(table.of) == [0, 1, 3, 64 + UInt64(TokenKind.comma.rawValue)])
    }
}
