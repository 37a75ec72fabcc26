import Testing

@testable import QuotewireAnalysis

/// The lookup structures and tables the analysis reads instead of scanning give exactly what a plain
/// scan or a `Set`/`Dictionary` gives.
@Suite("Fast paths")
struct FastPathTests {
    /// Words with distinct hashes, made up so that the filter and the probes see many slots.
    static let words = (0..<3_000).map { "w\($0)x" }

    @Test("a word table finds every word it holds and none it does not, behind its bit filter")
    func wordTableIsExact() {
        let held = Self.words.prefix(1_500)
        let table = WordTable(held.enumerated().map { (WordHash($0.element), $0.offset) })
        for (position, word) in held.enumerated() { #expect(table[WordHash(word)] == position, "\(word)") }
        let absent = Self.words.dropFirst(1_500).filter { table[WordHash($0)] != nil }
        #expect(absent.isEmpty, "found words never added: \(absent.prefix(5))")
    }

    @Test("a union of word sets holds exactly the words of its parts")
    func wordSetUnion() {
        let first = WordSet(Self.words.prefix(10).map(WordHash.init))
        let second = WordSet(Self.words[10..<25].map(WordHash.init))
        let union = first.union(second)
        for word in Self.words.prefix(25) { #expect(union.contains(WordHash(word)), "\(word)") }
        for word in Self.words.dropFirst(25) { #expect(!union.contains(WordHash(word)), "\(word)") }
    }

    @Test("a word map keeps the last value set for each word, as a dictionary does, while it grows")
    func wordMapMatchesADictionary() {
        var map = WordMap()
        var reference: [String: Int] = [:]
        #expect(map[WordHash("absent")] == nil)
        for (position, word) in Self.words.enumerated() {
            // Every third word is set again later, with a new value.
            map.set(position, for: WordHash(word))
            reference[word] = position
            if position % 3 == 0, position > 0 {
                let again = Self.words[position / 2]
                map.set(-position, for: WordHash(again))
                reference[again] = -position
            }
        }
        for word in Self.words { #expect(map[WordHash(word)] == reference[word], "\(word)") }
        #expect(map[WordHash("never set")] == nil)
    }

    @Test("the clause-break table gives the clauses a token-by-token scan gives, from every start")
    func clauseTableMatchesAScan() {
        let bodies = [
            "Smith said the bill would pass, warning that delays would cost money; critics disagreed.",
            "“It is over,” she said, and added that the council, he said, “will vote” but cautioned against haste.",
            "The mayor argued that the pier must be rebuilt, according to aides, and then left; no one asked why.",
        ]
        let attributor = Attributor()
        for body in bodies {
            let (_, index) = TestSupport.index(body)
            let cues = CueFinder().find(index.tokens, quoted: index.isQuoted)
            let context = Attributor.Context(index: index, cues: cues)
            let tokens = index.tokens
            for start in 0..<tokens.count {
                for end in [tokens.count, min(tokens.count, start + 4)] {
                    // The scan clause() made before the table: stop at a semicolon, or where another clause starts.
                    var stop = end
                    var hasQuote = false
                    var last = start
                    while last < end {
                        if tokens[last].kind == .semicolon || (last > start && attributor.startsAnotherClause(at: last, context)) {
                            stop = last
                            break
                        }
                        if tokens[last].isQuoteMark { hasQuote = true }
                        last += 1
                    }
                    let scanned = attributor.content(from: start, upTo: stop, hasQuote: hasQuote, context)
                    let read = attributor.clause(from: start, to: end, context)
                    #expect(read?.range == scanned?.range && read?.kind == scanned?.kind, "\(body) from \(start) to \(end)")
                }
            }
        }
    }
}
