import Testing

@_spi(Training) @testable import QuotewireAnalysis

@Suite("MentionFinder")
struct MentionFinderTests {
    private let finder = MentionFinder(
        classes: WordClasses(
            [
                ("went", .pastVerb), ("shared", .pastVerb), ("has", .presentVerb), ("calling", .gerund),
                ("speaking", .gerund), ("thanking", .gerund), ("writing", .gerund), ("despite", .preposition),
                ("crowd", .noun), ("suggestion", .noun), ("remark", .noun), ("plan", .noun), ("said", .pastVerb),
            ].map { (word: String, wordClass: WordClass) in (word, wordClass.rawValue) }))

    /// The document, the position of the first token reading `word`, and a way to read a range back.
    private func locate(_ body: String, _ word: String) -> (index: DocumentIndex, position: Int, text: (Range<Int>?) -> String?) {
        let (text, index) = TestSupport.index(body)
        let tokens = index.tokens
        let position = tokens.firstIndex { text.string($0.range) == word } ?? 0
        return (index, position, { range in
            range.map { text.string(Int(tokens[$0.lowerBound].start)..<Int(tokens[$0.upperBound - 1].end)) }
        })
    }

    private func cue(_ first: Int, _ last: Int, _ index: DocumentIndex) -> Cue {
        Cue(first: first, last: last, entry: CandidateProposer.entry(for: index.tokens[first]))
    }

    @Test("the clause a participle after a comma hangs on gives its subject", arguments: [
        ("Trump went after Bush, calling him a stiff.", "calling", "Trump"),
        ("On Sunday, Carson shared a syllabus on his page, writing that it was real.", "writing", "Carson"),
        ("Democrat Hillary Clinton has taken a swipe at Trump, saying that it does harm.", "saying", "Democrat Hillary Clinton"),
    ])
    func verbSubject(body: String, cue: String, expected: String) {
        let found = self.locate(body, cue)
        let sentence = found.index.sentence(of: found.position)
        var verbs = FiniteVerbCache()
        #expect(found.text(self.finder.verbSubject(before: found.position, in: sentence, verbs: &verbs, found.index.tokens)) == expected)
    }

    @Test("a cue in an opening phrase gets the mention after its comma, unless a verb came before it")
    func leadInSubject() {
        let opening = self.locate("After thanking the crowd, he said the race was close.", "thanking")
        let sentence = opening.index.sentence(of: opening.position)
        let cue = self.cue(opening.position, opening.position, opening.index)
        var verbs = FiniteVerbCache()
        #expect(opening.text(self.finder.leadInSubject(of: cue, in: sentence, verbs: &verbs, opening.index.tokens)) == "he")

        let inside = self.locate("Smith went home after thanking the crowd, he said.", "thanking")
        let insideCue = self.cue(inside.position, inside.position, inside.index)
        let insideSentence = inside.index.sentence(of: inside.position)
        var insideVerbs = FiniteVerbCache()
        #expect(self.finder.leadInSubject(of: insideCue, in: insideSentence, verbs: &insideVerbs, inside.index.tokens) == nil)
    }

    @Test("the agent after by, from and according to")
    func agent() {
        let passive = self.locate("The plan was criticized by the state auditor, who said it was late.", "criticized")
        let passiveCue = self.cue(passive.position, passive.position, passive.index)
        let sentence = passive.index.sentence(of: passive.position)
        #expect(passive.text(self.finder.agent(after: passiveCue, in: sentence, passive.index.tokens)) == "the state auditor")

        let according = self.locate("According to Lena Ortiz, the plan works.", "According")
        let accordingCue = self.cue(according.position, according.position + 1, according.index)
        let accordingSentence = according.index.sentence(of: according.position)
        #expect(according.text(self.finder.agent(after: accordingCue, in: accordingSentence, according.index.tokens)) == "Lena Ortiz")

        let plain = self.locate("The mayor said the plan works.", "said")
        let plainCue = self.cue(plain.position, plain.position, plain.index)
        #expect(self.finder.agent(after: plainCue, in: plain.index.sentence(of: plain.position), plain.index.tokens) == nil)
    }

    @Test("the possessor before a noun cue", arguments: [
        ("Critics mocked Hillary Clinton’s suggestion that taxes rise.", "suggestion", "Hillary Clinton’s"),
        ("She stood by her remark about the plan.", "remark", "her"),
        ("Voters read Sanders’ latest suggestion twice.", "suggestion", "Sanders"),
    ])
    func possessor(body: String, cue: String, expected: String) {
        let found = self.locate(body, cue)
        let sentence = found.index.sentence(of: found.position)
        #expect(found.text(self.finder.possessor(before: found.position, in: sentence, found.index.tokens)) == expected)
    }

    @Test("day names, verbs and prepositions cannot name a speaker; names, pronouns and noun phrases can")
    func canName() {
        for (body, word, expected) in [
            ("Tuesday on CNN, Ortiz said so.", "Tuesday", false), ("Speaking in Ohio, Ortiz said so.", "Speaking", false),
            ("Despite that, Ortiz said so.", "Despite", false), ("Then he said so.", "he", true),
            ("Lena Ortiz said so.", "Lena", true),
        ] {
            let found = self.locate(body, word)
            #expect(self.finder.canName(found.position..<(found.position + 1), found.index.tokens) == expected, "\(word)")
        }
        let phrase = self.locate("The crowd went home.", "The")
        #expect(self.finder.canName(phrase.position..<(phrase.position + 2), phrase.index.tokens))
        let verbEnd = self.locate("Ortiz went home.", "Ortiz")
        #expect(!self.finder.canName(verbEnd.position..<(verbEnd.position + 2), verbEnd.index.tokens))
    }

    @Test("the proposer offers the verb's subject once, knowing every reading that found it")
    func proposerMergesReadings() throws {
        let (text, index) = TestSupport.index("Smith went after Bush on the trail, calling him a stiff.")
        let proposer = CandidateProposer(
            priors: CuePriors([("calling", 0.9)], minimumPrior: 0.3), classes: self.finder.classes)
        let set = proposer.propose(index, ruleCues: CueFinder().find(index.tokens, quoted: index.isQuoted))
        let cue = try #require(set.cues.first { text.string(index.tokens[$0.cue.first].range) == "calling" })
        let speakers = set.speakers(of: cue)
        let smith = try #require(speakers.first { text.string(index.tokens[$0.tokens.lowerBound].range) == "Smith" })
        #expect(speakers.filter { $0.tokens == smith.tokens }.count == 1)
        #expect(smith.foundBy & (1 << SpeakerOrigin.verbSubject.rawValue) != 0)
        #expect(smith.foundBy & (1 << smith.origin.rawValue) != 0)
    }
}
