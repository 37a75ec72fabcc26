import QuotewireModel
import Testing

@testable import QuotewireAnalysis

@Suite("Analyzer")
struct AnalyzerTests {
    @Test("a request without an article is refused")
    func refusesMissingArticle() {
        #expect(throws: AnalyzeError.missingArticle) { try Analyzer().analyze(AnalyzeRequest()) }
    }

    @Test("a body above the limit is refused")
    func refusesLargeBody() {
        let request = AnalyzeRequest(article: Article(body: String(repeating: "a", count: 20)))
        #expect(throws: AnalyzeError.bodyTooLarge(bytes: 20, limit: 10)) {
            try Analyzer(maximumBodyBytes: 10).analyze(request)
        }
    }

    @Test("spans come in the unit asked for")
    func honoursOffsetUnit() throws {
        let body = "Ñandú 😀 Ana said: “Sí, vamos todos ya.”"
        func span(_ unit: OffsetUnit) throws -> Span? {
            try TestSupport.analyze(body, options: AnalyzeOptions(offsetUnit: unit)).quotes.first?.span
        }
        #expect(try span(.unicodeScalar) == Span(start: 19, end: 38))
        #expect(try span(.utf16) == Span(start: 20, end: 39))
        #expect(try span(.utf8) == Span(start: 26, end: 46))
    }

    @Test("minConfidence drops weaker quotes")
    func honoursMinConfidence() throws {
        let body = "Ana Soto said the plan works. “We will build it anyway next spring.”"
        for scoring in Analyzer.Scoring.allCases {
            let all = try TestSupport.analyze(body, scoring: scoring)
            let cut = (all.quotes.map(\.confidence).min() ?? 0) + 0.001
            let strong = try TestSupport.analyze(
                body, options: AnalyzeOptions(offsetUnit: .unicodeScalar, minConfidence: cut), scoring: scoring)
            #expect(all.quotes.count > strong.quotes.count, "\(scoring)")
            #expect(strong.quotes.allSatisfy { $0.confidence >= cut }, "\(scoring)")
        }
    }

    @Test("ids are numbered and stats filled")
    func fillsIDsAndStats() throws {
        let response = try TestSupport.analyze("Ana Soto said it works.\n\nBo Li said it fails.")
        #expect(response.articleID == "t")
        #expect(response.quotes.map(\.id) == ["q1", "q2"])
        #expect(response.actors.map(\.id) == ["a1", "a2"])
        let stats = try #require(response.stats)
        #expect(stats.paragraphs == 2)
        #expect(stats.sentences == 2)
        #expect(stats.tokens == 12)
        #expect(stats.bodyBytes == 45)
    }

    @Test("odd input returns without crashing", arguments: [
        "", " ", "\n\n\n", "\"", "“”“”“", String(repeating: "\"", count: 5000), String(repeating: "’", count: 999),
        "no punctuation at all said the man who never stops talking about said and says",
        "\u{0}\u{1}\u{7F}\u{FFFD}\u{FEFF}", "قال الرئيس “نحن مستعدون” اليوم", "😀😀 said “🎉” 👍",
        String(repeating: "said ", count: 3000), String(repeating: "“a,” he said, “b", count: 500),
        "According to", "said:", ", said", "Mr.", "U.S.", "“x,” said",
    ])
    func survivesOddInput(body: String) throws {
        let response = try TestSupport.analyze(body)
        for quote in response.quotes {
            let span = try #require(quote.span)
            #expect(span.start <= span.end)
            #expect(Int(span.end) <= body.unicodeScalars.count)
        }
    }

    @Test("random mixes of tricky pieces keep every span inside the body")
    func survivesRandomInput() throws {
        let pieces = [
            "said", "Said", " ", "\n", "\n\n", "“", "”", "\"", "'", "’", "‘", "«", "»", "„", ",", ".", ":", ";", "?", "(",
            ")", "—", "Gov.", "U.S.", "Ana", "Soto", "she", "they", "according to", "urged", "Congress", "to", "that",
            "expectations", "These include", "and", "😀", "قال", "é", "\u{0}", "asked", "called for", "warning",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var body = ""
            for _ in 0..<Int(state % 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                body += pieces[Int(state >> 33) % pieces.count]
            }
            let response = try TestSupport.analyze(body)
            let length = UInt32(body.unicodeScalars.count)
            for quote in response.quotes {
                let span = try #require(quote.span)
                #expect(span.start <= span.end && span.end <= length)
            }
            for demand in response.demands {
                let span = try #require(demand.actionSpan)
                #expect(span.start <= span.end && span.end <= length)
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1
        }
    }
}
