import Testing

@testable import QuotewireEvaluation

@Suite("DemandMetric")
struct DemandMetricTests {
    // Spans of a made-up document: a demand with an addressee (urge), a question and a standing rule
    // (non-demands), and a demand without addressee (called for).
    private let urge = DemandGoldItem(
        document: "d", cue: [9..<14], source: [0..<8], content: [15..<42], isDemand: true, addressee: 15..<23, action: 27..<42)
    private let question = DemandGoldItem(document: "d", source: [44..<52], content: [61..<69], isDemand: false)
    private let rule = DemandGoldItem(document: "d", source: [75..<82], content: [94..<100], isDemand: false)
    private let calledFor = DemandGoldItem(
        document: "d", source: [110..<115], content: [126..<140], isDemand: true, addressee: nil, action: 126..<140)

    @Test("a found demand with the right demander and addressee counts everywhere")
    func foundRight() {
        let counts = DemandMetric().evaluate(
            gold: [urge, question, rule],
            predictions: [PredictedDemand(action: 30..<42, demander: [0..<3], addressee: [15..<23])])
        #expect(counts == self.counts(gold: 1, found: 1, demander: 1, addressee: 1, non: 2, alarms: 0, predictions: 1))
        #expect(counts.recall == 1 && counts.recallWithDemander == 1 && counts.recallWithAddressee == 1)
        #expect(counts.falseAlarmRate == 0)
    }

    @Test("the demander and the addressee must overlap the gold spans")
    func wrongDemanderAndAddressee() {
        let counts = DemandMetric().evaluate(
            gold: [urge], predictions: [PredictedDemand(action: 27..<30, demander: [44..<52], addressee: [0..<8])])
        #expect(counts == self.counts(gold: 1, found: 1, demander: 0, addressee: 0, non: 0, alarms: 0, predictions: 1))
    }

    @Test("a gold none needs a predicted none")
    func noneAddressee() {
        let right = DemandMetric().evaluate(gold: [calledFor], predictions: [PredictedDemand(action: 126..<140, demander: [110..<115])])
        #expect(right.foundWithAddressee == 1)
        let wrong = DemandMetric().evaluate(
            gold: [calledFor], predictions: [PredictedDemand(action: 126..<140, demander: [110..<115], addressee: [0..<8])])
        #expect(wrong.foundWithAddressee == 0 && wrong.found == 1)
    }

    @Test("a predicted demand on a non-demand is a false alarm; one elsewhere is not")
    func falseAlarms() {
        let counts = DemandMetric().evaluate(
            gold: [urge, question, rule],
            predictions: [PredictedDemand(action: 61..<69), PredictedDemand(action: 200..<210)])
        #expect(counts == self.counts(gold: 1, found: 0, demander: 0, addressee: 0, non: 2, alarms: 1, predictions: 2))
        #expect(counts.recall == 0 && counts.falseAlarmRate == 0.5)
    }

    @Test("matching is one-to-one: one prediction finds one gold demand, the larger overlap first")
    func oneToOne() {
        let other = DemandGoldItem(document: "d", content: [27..<34], isDemand: true, action: 27..<34)
        let outcomes = DemandMetric().outcomes(gold: [urge, other], predictions: [PredictedDemand(action: 27..<42)])
        #expect(outcomes == [.found(prediction: 0, demander: false, addressee: false), .missed])
    }

    @Test("a prediction matched to a demand is no false alarm on an overlapping non-demand")
    func matchedIsNoAlarm() {
        let nested = DemandGoldItem(document: "d", content: [0..<42], isDemand: false)
        let counts = DemandMetric().evaluate(gold: [urge, nested], predictions: [PredictedDemand(action: 27..<42)])
        #expect(counts.found == 1 && counts.falseAlarms == 0)
    }

    @Test("counts of documents add up")
    func sums() {
        var total = DemandCounts()
        total += self.counts(gold: 2, found: 1, demander: 1, addressee: 0, non: 3, alarms: 1, predictions: 4)
        total += self.counts(gold: 2, found: 2, demander: 1, addressee: 2, non: 1, alarms: 0, predictions: 2)
        #expect(total == self.counts(gold: 4, found: 3, demander: 2, addressee: 2, non: 4, alarms: 1, predictions: 6))
        #expect(total.recall == 0.75 && total.recallWithDemander == 0.5 && total.falseAlarmRate == 0.25)
    }

    @Test("the gold file: items parse, bad lines are named")
    func parsesGold() throws {
        let line = #"{"doc":"a","event":"E1","cue":[[9,14]],"source":[[0,8]],"content":[[15,42]],"is_demand":true,"addressee":[15,23],"action":[27,42]}"#
        let none = #"{"doc":"a","cue":[[1,2]],"source":[],"content":[[3,9]],"is_demand":false,"addressee":null,"action":null}"#
        let gold = try DemandGold(parsing: line + "\n\n" + none + "\n")
        #expect(gold.items.count == 2)
        #expect(gold.items[0].addressee == 15..<23 && gold.items[0].action == 27..<42 && gold.items[0].source == [0..<8])
        #expect(gold.items[1].addressee == nil && !gold.items[1].isDemand)
        #expect(gold.documents == ["a"])
        #expect(throws: DemandGold.ParseError.invalidLine(line: 2, reason: "not JSON")) { try DemandGold(parsing: line + "\n{oops\n") }
        #expect(throws: DemandGold.ParseError.invalidLine(line: 1, reason: "no \"is_demand\"")) {
            try DemandGold(parsing: #"{"doc":"a","content":[[3,9]]}"#)
        }
        #expect(throws: DemandGold.ParseError.self) { try DemandGold(parsing: #"{"doc":"a","content":[[9,3]],"is_demand":false}"#) }
        #expect(throws: DemandGold.ParseError.self) { try DemandGold(parsing: #"{"doc":"a","content":[[3,9]],"is_demand":true}"#) }
        #expect(throws: DemandGold.ParseError.empty) { try DemandGold(parsing: "\n") }
    }

    private func counts(gold: Int, found: Int, demander: Int, addressee: Int, non: Int, alarms: Int, predictions: Int) -> DemandCounts {
        var counts = DemandCounts()
        counts.goldDemands = gold
        counts.found = found
        counts.foundWithDemander = demander
        counts.foundWithAddressee = addressee
        counts.goldNonDemands = non
        counts.falseAlarms = alarms
        counts.predictions = predictions
        return counts
    }
}
