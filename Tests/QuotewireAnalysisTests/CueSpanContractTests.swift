import Foundation
import QuotewireModel
import Testing

@testable import QuotewireAnalysis

/// The contract of `Quote.cue` and `Quote.cue_span` in analyzer.proto: a
/// colon attribution has cue ":" and the colon's span; `cue_span` is absent
/// exactly when `cue` is empty, and otherwise covers the cue as written.
@Suite struct CueSpanContractTests {
    @Test func aColonIsTheCueAndHasItsSpan() throws {
        let body = "Mayor Ortiz: The bridge will reopen in May"
        let quote = try #require(try TestSupport.analyze(body).quotes.first)
        #expect(quote.cue == ":")
        #expect(TestSupport.text(body, try #require(quote.cueSpan)) == ":")
    }

    @Test func cueSpanIsAbsentExactlyWhenTheCueIsEmpty() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../examples/harbor-bridge.txt").standardized
        let bodies = [
            try String(contentsOf: example, encoding: .utf8),
            "Asked whether he would run again, Ortiz smiled.",
            "Senator Ann Doe: “We will not back down.” The council, she said, will vote on Friday.",
        ]
        var quotes = 0
        for body in bodies {
            for scoring in [Analyzer.Scoring.rules, .trained] {
                for quote in try TestSupport.analyze(body, scoring: scoring).quotes {
                    quotes += 1
                    #expect(quote.cue.isEmpty == (quote.cueSpan == nil), "\(quote)")
                    if let span = quote.cueSpan {
                        #expect(TestSupport.text(body, span) == quote.cue, "\(quote)")
                    }
                }
            }
        }
        #expect(quotes > 20)
    }
}
