import Testing

@testable import QuotewireAnalysis

@Suite("QuotePairer")
struct QuotePairerTests {
    private func quotes(_ body: String) -> [String] {
        let (text, tokens) = TestSupport.tokens(body)
        return QuotePairer().pair(tokens, in: text).map { text.string($0.content) }
    }

    @Test("pairs quote marks of every style", arguments: [
        "He said “we win” today.", "He said \"we win\" today.", "He said «we win» today.", "He said „we win“ today.",
        "He said ''we win'' today.",
    ])
    func pairsStyles(body: String) {
        #expect(quotes(body) == ["we win"])
    }

    @Test("apostrophes are not quote marks")
    func ignoresApostrophes() {
        #expect(quotes("The voters’ choice isn't the party's, she said.").isEmpty)
    }

    @Test("an unclosed quote ends with its paragraph and later quotes still pair")
    func survivesOddMarks() {
        #expect(quotes("“It never ends, he wrote.\nThen “a second” came.") == ["It never ends, he wrote.", "a second"])
    }

    @Test("a quote reopened in the next paragraph continues")
    func continuesAcrossParagraphs() throws {
        let body = "“First part of it.\n\n“Second part,” she said."
        let (text, tokens) = TestSupport.tokens(body)
        let spans = QuotePairer().pair(tokens, in: text)
        let span = try #require(spans.first)
        #expect(spans.count == 1)
        #expect(span.spansParagraphs)
        #expect(text.string(span.content).hasSuffix("Second part,"))
    }

    @Test("nested single quotes stay inside the double quote")
    func keepsNestedSingles() {
        #expect(quotes("“They called it ‘a farce’ at once,” he said.") == ["They called it ‘a farce’ at once,"])
    }

    @Test("only quote marks do not trap the pairer")
    func handlesOnlyMarks() {
        #expect(quotes("\"\"\"“”“") .count <= 3)
    }
}
