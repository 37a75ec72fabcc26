import Testing

@testable import QuotewireAnalysis

@Suite("SpeakerFinder")
struct SpeakerFinderTests {
    /// The subject found before the first token equal to `cue`.
    private func subject(_ body: String, cue: String) -> String? {
        let (text, index) = TestSupport.index(body)
        let tokens = index.tokens
        guard let position = tokens.firstIndex(where: { text.string($0.range) == cue }) else { return nil }
        let sentence = index.sentence(of: position)
        return SpeakerFinder().subject(before: position, from: sentence.first, in: tokens).map { range in
            text.string(Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end))
        }
    }

    @Test("finds subjects with titles, auxiliaries and time words", arguments: [
        ("Budget Director Lena Ortiz said the plan works.", "Budget Director Lena Ortiz"),
        ("The city's chief engineer has repeatedly warned of floods.", "The city's chief engineer"),
        ("But she also said no.", "she"),
        ("Lena Ortiz on Tuesday said the plan works.", "Lena Ortiz"),
        ("Secretary of Transport Omar Diaz said so.", "Secretary of Transport Omar Diaz"),
    ])
    func findsSubjects(body: String, expected: String) {
        #expect(subject(body, cue: "said") == expected || subject(body, cue: "warned") == expected)
    }

    @Test("reaches the name before an aside")
    func reachesPastAsides() {
        #expect(subject("Ortiz, a former pilot, said the plan works.", cue: "said") == "Ortiz, a former pilot,")
        #expect(subject("Ortiz (who flew for years) said the plan works.", cue: "said") == "Ortiz (who flew for years)")
    }

    @Test("finds no subject after a conjunction or comma alone")
    func rejectsNonSubjects() {
        #expect(subject("The plan works, said Ortiz.", cue: "said") == nil)
    }

    @Test("an inverted subject cannot be followed by a verb")
    func rejectsSubjectOfContent() {
        let (text, index) = TestSupport.index("The vote, said the state, was close. The vote, said the state was close.")
        let tokens = index.tokens
        let cues = tokens.indices.filter { text.string(tokens[$0].range) == "said" }
        let first = SpeakerFinder().subject(after: cues[0], before: index.sentence(of: cues[0]).end, in: tokens)
        let second = SpeakerFinder().subject(after: cues[1], before: index.sentence(of: cues[1]).end, in: tokens)
        #expect(first.map { text.string(Int(tokens[$0.lowerBound].start)..<Int(tokens[$0.upperBound - 1].end)) } == "the state")
        #expect(second == nil)
    }
}
