import ArgumentParser
import QuotewireModel

/// `quotewire analyze [FILE|DIR|-]...`: quotes, speakers and demands of articles.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find quotes, speakers and demands in articles.",
        discussion: """
            Reads UTF-8 text files (a folder means its .txt files; - or nothing means standard input), \
            one article each, and prints each quote with its speaker and cue and each demand as \
            demander → addressee: action. A failed article prints its error and makes the exit status 1; \
            the others still complete.
            """
    )

    @Argument(help: "Article files, folders of .txt files, or - for standard input.")
    var inputs: [String] = []

    @OptionGroup var target: TargetOptions

    @Flag(help: "Print the proto3 JSON of each response (an array when there are several).")
    var json = false

    @Flag(help: "Print one line of proto3 JSON per article.")
    var jsonl = false

    @Option(help: "Unit of every span: utf8, utf16 or unicode (scalars).")
    var offsets: OffsetUnitArgument = .utf8

    @Option(help: "Articles analyzed at once.")
    var concurrency = 8

    func validate() throws {
        if json && jsonl { throw ValidationError("--json and --jsonl cannot be combined") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1, not \(concurrency)") }
    }

    func run() async throws {
        try await CommandFailure.reporting { try await analyzeAll() }
    }

    private func analyzeAll() async throws {
        let sources = try ArticleSource.collect(inputs)
        let backend = try await target.makeBackend(connections: concurrency > 16 ? 2 : 1)
        let options = AnalyzeOptions(offsetUnit: offsets.offsetUnit)
        var progress = ProgressBar(total: sources.count)
        var failures = 0
        var jsonItems: [JSONValue] = []
        let formatter = ResponseFormatter()

        try await forEachResult(of: sources, backend: backend, options: options) { index, source, result in
            switch result {
            case .success(let response):
                if jsonl {
                    print(response.jsonString())
                } else if json {
                    jsonItems.append(response.protobufJSON)
                } else {
                    if index > 0 { print("") }
                    print(formatter.format(response, source: source.path))
                }
            case .failure(let error):
                failures += 1
                progress.finish()
                let message = (error as? CommandFailure)?.message ?? "\(source.path): \(error)"
                printError("quotewire: \(message)")
            }
            progress.update(done: index + 1, failed: failures)
        }
        progress.finish()
        await backend.close()
        if json {
            print((jsonItems.count == 1 ? jsonItems[0] : .array(jsonItems)).serialized(pretty: true))
        }
        if failures > 0 { throw ExitStatus.partialFailure }
    }

    /// Analyzes every source with at most `concurrency` in flight and hands
    /// the results over in input order.
    private func forEachResult(
        of sources: [ArticleSource], backend: any AnalysisBackend, options: AnalyzeOptions,
        _ body: (Int, ArticleSource, Result<AnalyzeResponse, any Error>) throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Result<AnalyzeResponse, any Error>).self) { group in
            var next = 0
            var pending: [Int: Result<AnalyzeResponse, any Error>] = [:]
            var emitted = 0
            func submit() {
                guard next < sources.count else { return }
                let index = next
                let source = sources[index]
                next += 1
                group.addTask {
                    do {
                        let article = try source.read()
                        let response = try await backend.analyze(AnalyzeRequest(article: article, options: options))
                        return (index, .success(response))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            for _ in 0..<concurrency { submit() }
            while let (index, result) = try await group.next() {
                pending[index] = result
                while let ready = pending.removeValue(forKey: emitted) {
                    try body(emitted, sources[emitted], ready)
                    emitted += 1
                }
                submit()
            }
        }
    }
}
