import ArgumentParser
import Foundation
import QuotewireAnalysis
import QuotewireModel

/// `quotewire bench codec`: micro-benchmarks for the performance suite.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Micro-benchmarks (release builds only give meaningful figures).",
        shouldDisplay: false,
        subcommands: [Codec.self, Analysis.self]
    )

    /// Throughput of the analysis core alone over a folder of articles.
    struct Analysis: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Articles/s and MB/s of the analysis core alone over the .txt files of a folder.")

        @Argument(help: "A folder of .txt articles (searched recursively).")
        var directory: String

        @Option(help: "Threads analyzing at once (default: every core).")
        var threads = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Passes over the folder.")
        var `repeat` = 5

        @Flag(help: "Print JSON instead of a line of text.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let articles = try ArticleSource.collect([directory]).map { source throws(CommandFailure) in try source.read() }
                guard !articles.isEmpty, threads >= 1, self.repeat >= 1 else {
                    throw CommandFailure(message: "\(directory): no .txt articles", status: ExitStatus.noInput)
                }
                let requests = articles.map { AnalyzeRequest(article: $0) }
                let bytes = articles.reduce(0) { $0 + $1.body.utf8.count }
                let analyzer = Analyzer()
                let passes = self.repeat
                let workers = threads
                // One unmeasured pass first: the figure is the steady state, not start-up.
                for request in requests { _ = try analyzer.analyze(request) }
                let clock = ContinuousClock()
                let elapsed = try await clock.measure {
                    try await withThrowingTaskGroup(of: Int.self) { group in
                        for worker in 0..<workers {
                            group.addTask {
                                // Every (pass, article) pair is one unit of work, dealt out in turn,
                                // so that each thread is busy even with fewer articles than threads.
                                var quotes = 0
                                for unit in stride(from: worker, to: requests.count * passes, by: workers) {
                                    quotes &+= try analyzer.analyze(requests[unit % requests.count]).quotes.count
                                }
                                return quotes
                            }
                        }
                        for try await _ in group {}
                    }
                }
                let seconds = elapsed.inSeconds
                let count = Double(articles.count * passes)
                let perSecond = count / seconds
                let megabytesPerSecond = Double(bytes * passes) / 1e6 / seconds
                if json {
                    print(#"{"articles":\#(articles.count),"passes":\#(passes),"threads":\#(workers),"articlesPerSecond":\#(Int(perSecond)),"megabytesPerSecond":\#((megabytesPerSecond * 10).rounded() / 10)}"#)
                } else {
                    print("analysis: \(articles.count) articles × \(passes) passes on \(workers) thread(s): \(Int(perSecond)) articles/s, \((megabytesPerSecond * 10).rounded() / 10) MB/s")
                }
            }
        }
    }

    /// Encode and decode time of an AnalyzeRequest carrying a 3 KB article.
    struct Codec: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "ns/op to encode and decode an AnalyzeRequest with a 3 KB article through protobuf-c.")

        @Option(help: "Operations per measurement.")
        var iterations = 200_000

        @Option(help: "Body size in bytes.")
        var bodyBytes = 3_000

        @Flag(help: "Use straight quotes only, so the body is pure ASCII.")
        var ascii = false

        @Flag(help: "Print JSON instead of a line of text.")
        var json = false

        @Flag(help: "Also time encoding the AnalyzeResponse of the article (actors, quotes, demands).")
        var response = false

        func run() throws {
            if response { try benchResponse() }
            let sentence = ascii
                ? "\"We will keep working with every county,\" the governor said on Tuesday, adding that aid would follow. "
                : "“We will keep working with every county,” the governor said on Tuesday, adding that aid would follow. "
            var body = ""
            while body.utf8.count < bodyBytes { body += sentence }
            let request = AnalyzeRequest(
                article: Article(id: "bench-1", url: "https://example.org/a", source: "Example", title: "A title", body: body),
                options: AnalyzeOptions(offsetUnit: .unicodeScalar))
            let bytes = try request.protobufBytes()
            let clock = ContinuousClock()

            var encodedSize = 0
            let encode = try clock.measure {
                for _ in 0..<iterations { encodedSize &+= try request.protobufBytes().count }
            }
            var decodedSize = 0
            let decode = try clock.measure {
                for _ in 0..<iterations { decodedSize &+= try AnalyzeRequest(protobuf: bytes).article?.body.utf8.count ?? 0 }
            }
            guard encodedSize == bytes.count * iterations, decodedSize == body.utf8.count * iterations else {
                throw ValidationError("benchmark self-check failed")
            }
            let encodeNs = encode.inSeconds * 1e9 / Double(iterations)
            let decodeNs = decode.inSeconds * 1e9 / Double(iterations)
            if json {
                print(#"{"messageBytes":\#(bytes.count),"encodeNsPerOp":\#(Int(encodeNs)),"decodeNsPerOp":\#(Int(decodeNs))}"#)
            } else {
                print("AnalyzeRequest of \(bytes.count) bytes (\(ascii ? "ASCII" : "curly quotes")): encode \(Int(encodeNs)) ns/op, decode \(Int(decodeNs)) ns/op")
            }
        }

        /// Encode and decode time of the AnalyzeResponse for the article.
        private func benchResponse() throws {
            let body = SyntheticArticle.body(bytes: bodyBytes)
            let answer = try Analyzer().analyze(AnalyzeRequest(article: Article(id: "bench", body: body)))
            let bytes = try answer.protobufBytes()
            let clock = ContinuousClock()
            var size = 0
            let encode = try clock.measure {
                for _ in 0..<iterations { size &+= try answer.protobufBytes().count }
            }
            let decode = try clock.measure {
                for _ in 0..<iterations { size &+= try AnalyzeResponse(protobuf: bytes).quotes.count }
            }
            guard size == (bytes.count + answer.quotes.count) * iterations else {
                throw ValidationError("benchmark self-check failed")
            }
            print(
                "AnalyzeResponse of \(bytes.count) bytes (\(answer.quotes.count) quotes, \(answer.actors.count) actors): "
                    + "encode \(Int(encode.inSeconds * 1e9 / Double(iterations))) ns/op, "
                    + "decode \(Int(decode.inSeconds * 1e9 / Double(iterations))) ns/op")
        }

    }
}
