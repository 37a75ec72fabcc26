import QuotewireModel

@testable import QuotewireAnalysis

/// Helpers shared by the analysis tests.
enum TestSupport {
    /// Analyzes with the rules alone (the default here: most tests pin what one rule proposes) or the
    /// trained model.
    static func analyze(
        _ body: String, options: AnalyzeOptions = AnalyzeOptions(offsetUnit: .unicodeScalar),
        scoring: Analyzer.Scoring = .rules
    ) throws -> AnalyzeResponse {
        try Analyzer(scoring: scoring).analyze(AnalyzeRequest(article: Article(id: "t", body: body), options: options))
    }

    /// The text of a span given in Unicode scalar offsets.
    static func text(_ body: String, _ span: Span?) -> String {
        guard let span else { return "" }
        let scalars = Array(body.unicodeScalars)
        let range = Int(span.start)..<min(Int(span.end), scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    static func tokens(_ body: String) -> (TextBuffer, [Token]) {
        let text = TextBuffer(body)
        return (text, Tokenizer().tokenize(text))
    }

    static func words(_ body: String) -> [String] {
        let (text, tokens) = self.tokens(body)
        return tokens.map { text.string($0.range) }
    }

    static func index(_ body: String) -> (TextBuffer, DocumentIndex) {
        let (text, tokens) = self.tokens(body)
        let sentences = SentenceSplitter().split(tokens)
        let quotes = QuotePairer().pair(tokens, in: text)
        return (text, DocumentIndex(tokens: tokens, sentences: sentences, quotes: quotes))
    }
}
