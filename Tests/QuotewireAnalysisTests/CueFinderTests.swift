import Testing

@testable import QuotewireAnalysis

@Suite("CueFinder")
struct CueFinderTests {
    private func cues(_ body: String) -> [String] {
        let (text, index) = TestSupport.index(body)
        return CueFinder().find(index.tokens, quoted: index.isQuoted).map { cue in
            text.string(Int(index.tokens[cue.first].start)..<Int(index.tokens[cue.last].end))
        }
    }

    @Test("finds reporting verbs in every inflection", arguments: [
        ("Ana said it.", "said"), ("Ana says it.", "says"), ("Ana told us.", "told"), ("Ana added that it works.", "added"),
        ("Ana argued that it works.", "argued"), ("Ana has claimed victory.", "claimed"),
        ("Ana accused the board.", "accused"), ("Ana, warning that it fails, left.", "warning"),
        ("Ana acknowledged the loss.", "acknowledged"), ("Ana cautioned that rain comes.", "cautioned"),
        ("Ana insisted on it.", "insisted"), ("Ana wrote a note.", "wrote"), ("Ana tweeted a photo.", "tweeted"),
        ("Ana noted the cost.", "noted"),
    ])
    func findsVerbs(body: String, cue: String) {
        #expect(cues(body) == [cue])
    }

    @Test("finds phrasal cues and according to")
    func findsPhrases() {
        #expect(cues("According to Ana, the mayor called for calm and pointed out the cost.") == [
            "According to", "called for", "pointed out",
        ])
    }

    @Test("ignores nouns that look like cue verbs")
    func ignoresNouns() {
        #expect(cues("The call came as states and cities waited for a warning.").isEmpty)
    }

    @Test("ignores cues inside a quote")
    func ignoresQuotedCues() {
        #expect(cues("“He said nothing,” Ana said.") == ["said"])
    }
}
