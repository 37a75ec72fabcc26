import QuotewireModel
import Testing

@testable import QuotewireAnalysis

@Suite("Attributor")
struct AttributorTests {
    /// (content, speaker, cue, kind) of each quote.
    private func quotes(_ body: String) throws -> [(String, String, String, QuoteKind)] {
        try TestSupport.analyze(body).quotes.map { quote in
            (TestSupport.text(body, quote.span), TestSupport.text(body, quote.speakerSpan), quote.cue, quote.kind)
        }
    }

    @Test("direct quote followed by pronoun and cue")
    func directQuoteThenSpeaker() throws {
        let found = try quotes("“The bridge opens in May,” she said.")
        #expect(found.count == 1)
        #expect(found.first?.0 == "The bridge opens in May,")
        #expect(found.first?.1 == "she")
        #expect(found.first?.2 == "said")
        #expect(found.first?.3 == .direct)
    }

    @Test("direct quote followed by an inverted cue")
    func directQuoteThenInvertedSpeaker() throws {
        let found = try quotes("\"We have the votes,\" said council member Ruth Adler.")
        #expect(found.first?.0 == "We have the votes,")
        #expect(found.first?.1 == "council member Ruth Adler")
    }

    @Test("speaker and colon before the quote")
    func speakerColonQuote() throws {
        let found = try quotes("The mayor said: “Nobody will lose a home.”")
        #expect(found.first?.0 == "Nobody will lose a home.")
        #expect(found.first?.1 == "The mayor")
    }

    @Test("a split quote is one quote")
    func splitQuote() throws {
        let found = try quotes("“We tried,” he said, “and we will try again.”")
        #expect(found.count == 1)
        #expect(found.first?.0 == "We tried,” he said, “and we will try again.")
    }

    @Test("indirect speech after that")
    func indirectAfterThat() throws {
        let found = try quotes("Ortiz argued that the tax was unfair to renters.")
        #expect(found.first?.0 == "the tax was unfair to renters")
        #expect(found.first?.1 == "Ortiz")
        #expect(found.first?.3 == .indirect)
    }

    @Test("indirect speech before the cue")
    func indirectBeforeCue() throws {
        let found = try quotes("The budget will shrink next year, the treasurer said.")
        #expect(found.first?.0 == "The budget will shrink next year")
        #expect(found.first?.1 == "the treasurer")
    }

    @Test("a participle shares the subject of its main clause")
    func participleSharesSubject() throws {
        let found = try quotes("“We are ready,” the chief said, warning that the river could rise again.")
        #expect(found.count == 2)
        #expect(found.last?.0 == "the river could rise again")
        #expect(found.last?.1 == "the chief")
        #expect(found.last?.2 == "warning")
    }

    @Test("a quote inside reported speech makes a mixed quote")
    func mixedQuote() throws {
        let found = try quotes("Ortiz said the vote was “a turning point” for the town.")
        #expect(found.first?.0 == "the vote was “a turning point” for the town")
        #expect(found.first?.3 == .mixed)
    }

    @Test("according to, before and after the content")
    func accordingTo() throws {
        let before = try quotes("According to the report, prices rose by a third.")
        #expect(before.first?.0 == "prices rose by a third")
        #expect(before.first?.1 == "the report")
        let after = try quotes("Prices rose by a third, according to the report.")
        #expect(after.first?.0 == "Prices rose by a third")
    }

    @Test("content stops where a second attribution begins")
    func stopsAtNextClause() throws {
        let found = try quotes("She claimed the fund was empty, adding that nobody had checked.")
        #expect(found.map(\.0) == ["the fund was empty", "nobody had checked"])
        #expect(found.map(\.1) == ["She", "She"])
    }

    @Test("a quote reported inside speech keeps its own cue")
    func nestedQuote() throws {
        let found = try quotes("Ortiz said the mayor backs what she called “a fair deal.”")
        #expect(found.contains { $0.0 == "a fair deal." && $0.2 == "called" })
    }

    @Test("an attribution inserted in its content takes both sides")
    func insertedAttribution() throws {
        let found = try quotes("Lately, the engineer said, the pumps have failed twice.")
        #expect(found.first?.0 == "Lately, the engineer said, the pumps have failed twice")
    }

    @Test("a quote goes on after a participle of the same speaker")
    func continuesAfterParticiple() throws {
        let found = try quotes("“We lost the vote,” Ortiz said, referring to the levy. “We will bring it back next year.”")
        #expect(found.contains { $0.0.hasPrefix("We lost the vote,") && $0.0.hasSuffix("next year.") && $0.1 == "Ortiz" })
    }

    @Test("a headline name and colon attribute the statement")
    func headlineColon() throws {
        let found = try quotes("Mayor Ortiz: The bridge will reopen in May")
        #expect(found.first?.0 == "The bridge will reopen in May")
        #expect(found.first?.1 == "Mayor Ortiz")
        #expect(found.first?.2 == ":")
    }

    @Test("a sentence opening with asked gives the question without a speaker")
    func passiveOpening() throws {
        let response = try TestSupport.analyze("Asked whether he would run again, Ortiz smiled.")
        let quote = try #require(response.quotes.first)
        #expect(TestSupport.text("Asked whether he would run again, Ortiz smiled.", quote.span) == "whether he would run again")
        #expect(quote.speakerSpan == nil)
    }

    @Test("a naming verb ends at the quoted label")
    func namingVerb() throws {
        let found = try quotes("Ortiz called the levy “a fair deal” during a long meeting.")
        #expect(found.first?.0 == "the levy “a fair deal”")
    }

    @Test("a quote with no cue near it goes to the speaker that introduces it")
    func orphanQuote() throws {
        let found = try quotes("The chief had one message for the crowd: “Stay home until the water goes down.”")
        #expect(found.first?.0 == "Stay home until the water goes down.")
        #expect(found.first?.1 == "The chief")
    }
}
