import ArgumentParser
import QuotewireAnalysis
import QuotewireModel

/// `quotewire analyze [FILE|DIR|-]...`: quotes, speakers and demands of articles.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find quotes, speakers and demands in articles.",
        discussion: """
            Reads articles from text files (one article each; a folder means its .txt and .jsonl files; \
            the id of a file found in a folder is its path relative to the folder) and from JSON Lines \
            files or standard input (one Article per line as proto3 JSON: id, title, url, source, \
            publishedAt or published, language, body; other members are ignored). Ids must be unique. \
            Prints each quote with its speaker, cue and confidence and each demand as \
            demander → addressee: action, or JSON, JSON Lines or CSV. A failed article prints its error \
            (and goes to --rejects) and makes the exit status 1; the others still complete.
            """
    )

    @Argument(help: "Text or JSON Lines files, folders, or - for standard input.")
    var inputs: [String] = []

    @OptionGroup var target: TargetOptions

    @Option(help: "Output: text, json (one array), jsonl (a line per article) or csv (a row per quote and demand).")
    var format: OutputFormat?

    @Flag(help: "Same as --format json.")
    var json = false

    @Flag(help: "Same as --format jsonl.")
    var jsonl = false

    @Option(help: "How inputs hold articles: auto (.jsonl/.ndjson files and stdin starting with { are JSON Lines), text or jsonl.")
    var input: InputFormat = .auto

    @Option(help: "Write the answers to FILE instead of standard output.")
    var output: String?

    @Flag(help: "Keep what --output FILE holds and skip the articles it answers (jsonl or csv).")
    var resume = false

    @Option(help: "Write each failed article with its error to FILE (JSON Lines).")
    var rejects: String?

    @Option(help: "Leave out quotes and demands below this confidence (0 to 1).")
    var minConfidence: Float = 0

    @Flag(help: "Skip demand extraction.")
    var noDemands = false

    @Option(help: "Unit of every span: utf8, utf16 or unicode (scalars).")
    var offsets: OffsetUnitArgument = .utf8

    @Option(help: "Articles analyzed at once.")
    var concurrency = 8

    func validate() throws {
        if json && jsonl { throw ValidationError("--json and --jsonl cannot be combined") }
        if let format, json || jsonl {
            throw ValidationError("--format \(format.rawValue) cannot be combined with --\(json ? "json" : "jsonl")")
        }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1, not \(concurrency)") }
        if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be from 0 to 1, not \(minConfidence)") }
        if resume {
            guard output != nil else { throw ValidationError("--resume needs --output FILE") }
            guard outputFormat.isResumable else { throw ValidationError("--resume needs --format jsonl or csv") }
        }
        if let output, output == rejects { throw ValidationError("--output and --rejects must be different files") }
    }

    private var local: Bool { target.local }

    private var outputFormat: OutputFormat { format ?? (json ? .json : jsonl ? .jsonl : .text) }

    func run() async throws {
        try await CommandFailure.reporting { try await analyzeAll() }
    }

    private func analyzeAll() async throws {
        if local { MallocTuning.apply() }  // batches allocate and free the same sizes over and over
        let sources = try BatchReader.sources(inputs, format: input)
        let reader = BatchReader(sources: sources, format: input)
        let out = try BatchOutput.open(path: output, format: outputFormat, resume: resume)
        let rejected = try rejects.map { path throws(CommandFailure) in try RejectsFile(path: path, append: resume) }
        let backend = try await target.makeBackend(connections: concurrency > 16 ? 2 : 1)
        let options = AnalyzeOptions(offsetUnit: offsets.offsetUnit, minConfidence: minConfidence, skipDemands: noDemands)
        let ledger = BatchLedger(answered: out.answered)
        var progress = ProgressBar(total: BatchReader.knownCount(sources) ?? 0)
        var done = 0
        var failures = 0

        let record = { (entry: BatchEntry, outcome: Result<AnalyzeResponse, AnalysisFailure>) throws(CommandFailure) in
            done += 1
            switch outcome {
            case .success(let response):
                try out.add(response, label: entry.label)
            case .failure(let failure):
                failures += 1
                progress.finish()
                printError("quotewire: \(entry.origin): \(failure.message)")
                try rejected?.add(entry, error: failure.message)
            }
            progress.update(done: done + ledger.skipped, failed: failures)
        }
        do {
            if let local = backend as? LocalAnalysisBackend, concurrency == 1 {
                // One article at a time on this thread: no task or hop per article.
                while let entry = try reader.next() {
                    switch ledger.admit(entry) {
                    case .skip: continue
                    case .reject(let message): try record(entry, .failure(AnalysisFailure(message: message)))
                    case .analyze(let article):
                        let outcome: Result<AnalyzeResponse, AnalysisFailure>
                        do {
                            outcome = .success(try local.analyzer.analyze(AnalyzeRequest(article: article, options: options)))
                        } catch {
                            outcome = .failure(AnalysisFailure(message: error.description))
                        }
                        try record(entry, outcome)
                    }
                }
            } else {
                try await analyzeConcurrently(reader: reader, ledger: ledger, backend: backend, options: options, record)
            }
        } catch {
            // Keep the answers so far: --resume then skips them.
            try? out.finish()
            throw error
        }
        progress.finish()
        await backend.close()
        try out.finish()
        rejected?.close()
        if output != nil {
            let skipped = ledger.skipped > 0 ? ", \(ledger.skipped) skipped (answered in \(output ?? "") before)" : ""
            printError("quotewire: \(done - failures) analyzed, \(failures) failed\(skipped)")
        }
        if failures > 0 { throw ExitStatus.partialFailure }
    }

    /// Analyzes with at most `concurrency` articles in flight and hands the
    /// outcomes over in input order.
    private func analyzeConcurrently(
        reader: BatchReader, ledger: BatchLedger, backend: any AnalysisBackend, options: AnalyzeOptions,
        _ record: (BatchEntry, Result<AnalyzeResponse, AnalysisFailure>) throws(CommandFailure) -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Result<AnalyzeResponse, AnalysisFailure>).self) { group in
            var entries: [Int: BatchEntry] = [:]
            var ready: [Int: Result<AnalyzeResponse, AnalysisFailure>] = [:]
            var next = 0
            var emitted = 0
            var inFlight = 0
            var inputEnded = false
            while true {
                while !inputEnded && inFlight < concurrency {
                    guard let entry = try reader.next() else {
                        inputEnded = true
                        break
                    }
                    let admission = ledger.admit(entry)
                    if case .skip = admission { continue }
                    let index = next
                    next += 1
                    entries[index] = entry
                    switch admission {
                    case .skip: break
                    case .reject(let message): ready[index] = .failure(AnalysisFailure(message: message))
                    case .analyze(let article):
                        inFlight += 1
                        group.addTask {
                            do {
                                return (index, .success(try await backend.analyze(AnalyzeRequest(article: article, options: options))))
                            } catch {
                                return (index, .failure(AnalysisFailure(message: "\(error)")))
                            }
                        }
                    }
                }
                while let outcome = ready.removeValue(forKey: emitted), let entry = entries.removeValue(forKey: emitted) {
                    try record(entry, outcome)
                    emitted += 1
                }
                guard inFlight > 0, let (index, outcome) = try await group.next() else { break }
                inFlight -= 1
                ready[index] = outcome
            }
        }
    }
}

/// Why one article of a batch was not analyzed.
struct AnalysisFailure: Error {
    let message: String
}
