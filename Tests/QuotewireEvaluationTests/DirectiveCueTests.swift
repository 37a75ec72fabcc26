import Testing

@testable import QuotewireEvaluation

@Suite("DirectiveCue")
struct DirectiveCueTests {
    @Test("recognizes directive cues", arguments: ["urged", "calls for", "called on", "asking for", "wants", "pushed for",
        "is urging", "appealed to", "expects", "warned", "lobbied", "begged"])
    func recognizesDirective(cue: String) {
        #expect(DirectiveCue.matches(cue))
    }

    @Test("rejects other and excluded cues", arguments: ["said", "asked about", "was asked", "is expected",
        "are widely expected", "was not expected", "called", "pressed", "told"])
    func rejectsOthers(cue: String) {
        #expect(!DirectiveCue.matches(cue))
    }
}
