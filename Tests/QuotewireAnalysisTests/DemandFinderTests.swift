import QuotewireModel
import Testing

@testable import QuotewireAnalysis

@Suite("DemandFinder")
struct DemandFinderTests {
    /// (demander name, addressee name, cue, action) of each demand.
    private func demands(_ body: String) throws -> [(String, String, String, String)] {
        let response = try TestSupport.analyze(body)
        let names = Dictionary(uniqueKeysWithValues: response.actors.map { ($0.id, $0.name) })
        return response.demands.map { demand in
            (names[demand.demanderID] ?? "", names[demand.addresseeID] ?? "", demand.cue, demand.action)
        }
    }

    @Test("urge someone to do something")
    func urgeTo() throws {
        let found = try demands("Senator Ana Pole urged Congress to fund the bridge.")
        #expect(found.count == 1)
        #expect(found.first?.0 == "Ana Pole")
        #expect(found.first?.1 == "Congress")
        #expect(found.first?.2 == "urged")
        #expect(found.first?.3 == "fund the bridge")
    }

    @Test("push for something from someone")
    func pushForFrom() throws {
        let found = try demands("Mayor Ian Cole is pushing for more money from state agencies to repair roads.")
        #expect(found.first?.0 == "Ian Cole")
        #expect(found.first?.1 == "state agencies")
        #expect(found.first?.3 == "more money from state agencies to repair roads")
    }

    @Test("an enumeration of expectations gives one demand per item")
    func splitsEnumerations() throws {
        let body = """
            Mayor Ian Cole met with Governor Rosa Lind, and he set out two expectations. \
            These include opening the depot, and hiring more drivers.
            """
        let found = try demands(body)
        #expect(found.map(\.3) == ["opening the depot", "hiring more drivers"])
        #expect(found.allSatisfy { $0.0 == "Ian Cole" && $0.1 == "Rosa Lind" && $0.2 == "expectations" })
    }

    @Test("a demand reported in speech points at the quote")
    func pointsAtQuote() throws {
        let response = try TestSupport.analyze("Ortiz said the board is urging the city to close the plant.")
        let demand = try #require(response.demands.first)
        #expect(!demand.quoteID.isEmpty)
        #expect(response.quotes.contains { $0.id == demand.quoteID && $0.cue == "said" })
    }

    @Test("a warning that something is true is not a demand")
    func ignoresWarnings() throws {
        #expect(try demands("Ortiz warned that the river could flood.").isEmpty)
    }

    @Test("skipDemands leaves demands out")
    func honoursSkipDemands() throws {
        let options = AnalyzeOptions(offsetUnit: .unicodeScalar, skipDemands: true)
        #expect(try TestSupport.analyze("Ana Pole urged Congress to act.", options: options).demands.isEmpty)
    }

    @Test("a negation belongs to the action, not to the addressee")
    func keepsNegationInAction() throws {
        let found = try demands("Governor Rosa Lind warned the council not to raise fares.")
        #expect(found.first?.1 == "council")
        #expect(found.first?.3 == "not to raise fares")
    }

    @Test("an object that is not a noun phrase is no addressee")
    func rejectsNonNounAddressee() throws {
        #expect(try demands("The clerk pleaded guilty to two counts of fraud.").isEmpty)
    }

    @Test("a directive noun followed by an object is a verb, not a demand noun")
    func ignoresVerbUseOfNoun() throws {
        #expect(try demands("Council delays vote as mayor demands state funds").isEmpty)
    }
}
