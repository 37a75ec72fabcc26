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

    @Test("a pronoun addressee is resolved to its actor")
    func resolvesPronounAddressee() throws {
        let found = try demands("Governor Rosa Lind met Treasurer Tom Reed on Monday and called on him to resign.")
        #expect(found.first?.0 == "Rosa Lind")
        #expect(found.first?.1 == "Tom Reed")
        #expect(found.first?.3 == "resign")
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

@Suite("DemandFinder rules")
struct DemandFinderRuleTests {
    /// (demander span text, addressee span text, action) of each demand.
    private func demands(_ body: String) throws -> [(String, String, String)] {
        let response = try TestSupport.analyze(body)
        return response.demands.map { demand in
            (TestSupport.text(body, demand.demanderSpan), TestSupport.text(body, demand.addresseeSpan), demand.action)
        }
    }

    @Test("called for X to V: the subject of the to-clause is the addressee")
    func calledForSomeoneTo() throws {
        let found = try demands("Senator Ana Pole called for the state and the counties to repair the bridge.")
        #expect(found.first?.1 == "the state and the counties")
        #expect(found.first?.2 == "repair the bridge")
    }

    @Test("called for a measure, or for something to be done, names no addressee")
    func calledForWithoutAddressee() throws {
        #expect(try demands("The council called for a review to settle the dispute.").first?.1 == "")
        #expect(try demands("The council called for the contract to be cancelled.").first?.1 == "")
    }

    @Test("a pronoun object is the addressee")
    func pronounAddressee() throws {
        let found = try demands("Rosa Lind met the treasurer and called on him to resign.")
        #expect(found.first?.0 == "Rosa Lind")
        #expect(found.first?.1 == "him")
        #expect(found.first?.2 == "resign")
    }

    @Test("demanded that X V: the clause's subject is the addressee")
    func demandedThat() throws {
        let found = try demands("The drivers demanded that the city restore the night buses.")
        #expect(found.first?.1 == "the city")
    }

    @Test("was ordered to: the passive subject is the addressee")
    func passiveOrder() throws {
        let found = try demands("The agency was ordered to release the files.")
        #expect(found.first?.1 == "The agency")
        #expect(found.first?.2 == "release the files")
    }

    @Test("warned X against V-ing is advice to X")
    func warnedAgainst() throws {
        let found = try demands("Ana Pole warned the board against raising fares.")
        #expect(found.first?.1 == "the board")
        #expect(found.first?.2 == "raising fares")
    }

    @Test("a participle far from its subject takes the sentence's subject")
    func participleSubject() throws {
        let found = try demands("On Monday, Mayor Ian Cole opened the depot, urging drivers to return.")
        #expect(found.first?.0 == "Mayor Ian Cole")
        #expect(found.first?.1 == "drivers")
    }

    @Test("denied, hypothetical or asked directives, wishes and questions are no demands", arguments: [
        "The governor has not called for new taxes.",
        "The board will demand a recount.",
        "Has the board called for a recount?",
        "Tom Reed wants the city to lower fares.",
        "Mayor Ian Cole asked whether the audit would be released.",
        "The reporters demanded to know whether the mayor would resign.",
        "State law requires cities to publish their budgets.",
    ])
    func noDemand(body: String) throws {
        #expect(try demands(body).isEmpty)
    }
}
