import Testing

@testable import QuotewireAnalysis

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("keeps abbreviation periods inside their word")
    func keepsAbbreviations() {
        #expect(TestSupport.words("Gov. Ann Doe met Sen. Bo Li in the U.S. on Jan. 4.") == [
            "Gov.", "Ann", "Doe", "met", "Sen.", "Bo", "Li", "in", "the", "U.S.", "on", "Jan.", "4", ".",
        ])
    }

    @Test("keeps apostrophes and hyphens inside words")
    func keepsInnerApostrophes() {
        #expect(TestSupport.words("The mayor’s co-author didn't call.") == [
            "The", "mayor’s", "co-author", "didn't", "call", ".",
        ])
    }

    @Test("makes every quote mark a token of its own", arguments: ["“x”", "\"x\"", "«x»", "„x“", "''x''"])
    func separatesQuoteMarks(text: String) {
        let (_, tokens) = TestSupport.tokens(text)
        #expect(tokens.count == 3)
        #expect(tokens[0].isQuoteMark)
        #expect(tokens[1].kind == .word)
        #expect(tokens[2].isQuoteMark)
    }

    @Test("numbers keep their inner separators")
    func readsNumbers() {
        #expect(TestSupport.words("It cost 1,250.50 dollars at 10:30.") == ["It", "cost", "1,250.50", "dollars", "at", "10:30", "."])
    }

    @Test("marks the first token of each paragraph")
    func marksParagraphs() {
        let (_, tokens) = TestSupport.tokens("One two.\n\nThree.\nFour")
        #expect(tokens.filter(\.startsParagraph).count == 3)
        #expect(tokens.last?.paragraph == 2)
    }

    @Test("hashes words without case")
    func hashesWithoutCase() {
        let (_, tokens) = TestSupport.tokens("Said SAID said")
        #expect(tokens[0].hash == tokens[1].hash)
        #expect(tokens[1].hash == WordHash("said"))
    }

    @Test("word constants written as hash literals hash their words")
    func hashLiteralsMatchTheirWords() {
        let constants: [(WordHash, String)] = [
            (WordLists.that, "that"), (WordLists.colon, ":"), (WordLists.but, "but"), (WordLists.then, "then"),
            (WordLists.or, "or"), (WordLists.for, "for"), (WordLists.who, "who"), (WordLists.questionMark, "?"),
            (WordLists.exclamationMark, "!"), (WordLists.of, "of"), (WordLists.and, "and"), (WordLists.to, "to"),
            (DirectiveWords.call, "call"), (DirectiveWords.from, "from"), (CueFinder.according, "according"),
            (CueFinder.to, "to"), (CueFinder.continueLemma, "continue"), (ActorWords.he, "he"),
            (ActorWords.she, "she"), (ActorWords.they, "they"), (ActorWords.it, "it"),
        ]
        for (constant, word) in constants {
            #expect(constant == WordHash(word), "\(word)")
        }
    }

    @Test("hashes ASCII words the same on the fast path and the general one")
    func asciiFastPathHashesAsTheGeneralPath() {
        let (_, tokens) = TestSupport.tokens("Trump’s U.S. co-author SAID 2,000 Über-mayor’s naïve Q3")
        // A kept abbreviation period is not hashed; only ASCII letters are lowercased.
        let expected = ["trump's", "u.s", "co-author", "said", "2,000", "Über-mayor's", "naïve", "q3"]
        #expect(tokens.map(\.hash) == expected.map { WordHash($0) })
    }
}
