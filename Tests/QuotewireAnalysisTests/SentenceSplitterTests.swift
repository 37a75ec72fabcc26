import Testing

@testable import QuotewireAnalysis

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    private func sentences(_ body: String) -> [String] {
        let (text, tokens) = TestSupport.tokens(body)
        return SentenceSplitter().split(tokens).map { sentence in
            text.string(Int(tokens[sentence.first].start)..<Int(tokens[sentence.end - 1].end))
        }
    }

    @Test("abbreviations do not end a sentence")
    func ignoresAbbreviations() {
        #expect(sentences("Rep. Kim and Mr. Ode spoke in the U.S. Senate on Jan. 9. Then they left.") == [
            "Rep. Kim and Mr. Ode spoke in the U.S. Senate on Jan. 9.", "Then they left.",
        ])
    }

    @Test("titles, initials and U.S. keep their sentence; U.S. at a sentence end still ends it")
    func titlesAndInitials() {
        #expect(sentences("Sen. Ann Roe met Gov. Jo Park and Dr. Lee, said J. R. Smith, a U.S. official. The talks ended.") == [
            "Sen. Ann Roe met Gov. Jo Park and Dr. Lee, said J. R. Smith, a U.S. official.", "The talks ended.",
        ])
        #expect(sentences("Prices rose in the U.S. The talks ended.") == ["Prices rose in the U.S.", "The talks ended."])
    }

    @Test("a quote ending in a question mark stays with its lowercase attribution")
    func keepsAttributionAfterQuestion() {
        #expect(sentences("“Who pays?” she asked. Nobody knew.") == ["“Who pays?” she asked.", "Nobody knew."])
    }

    @Test("paragraph breaks end sentences without punctuation")
    func splitsAtParagraphs() {
        #expect(sentences("A headline\nThe story begins here.") == ["A headline", "The story begins here."])
    }

    @Test("an abbreviation ends the sentence before a sentence opener")
    func splitsAfterAbbreviationBeforeOpener() {
        #expect(sentences("She moved to the U.S. The move was hard. He met Gov. Lee.") == [
            "She moved to the U.S.", "The move was hard.", "He met Gov. Lee.",
        ])
    }
}
