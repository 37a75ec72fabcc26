import Testing

@testable import QuotewireAnalysis

@Suite("CueLexicon")
struct CueLexiconTests {
    @Test("inflects regular and irregular verbs", arguments: [
        ("urge", nil, ["urge", "urges", "urged", "urging"]),
        ("admit", nil, ["admit", "admits", "admitted", "admitting"]),
        ("deny", nil, ["deny", "denies", "denied", "denying"]),
        ("say", "said", ["say", "says", "said", "saying"]),
        ("push", nil, ["push", "pushes", "pushed", "pushing"]),
    ] as [(String, String?, [String])])
    func inflects(lemma: String, past: String?, forms: [String]) {
        #expect(CueLexicon.inflect(lemma, past: past).map(\.1).prefix(4) == forms[...])
    }

    @Test("knows the kind and form of a cue word")
    func looksUpEntries() throws {
        let entry = try #require(CueLexicon.shared.entry(WordHash("Told")))
        #expect(entry.lemma == WordHash("tell"))
        #expect(entry.form == .past)
        #expect(entry.takesAddressee)
        #expect(CueLexicon.shared.entry(WordHash("table")) == nil)
    }
}
