import ArgumentParser
import Foundation
import QuotewireAnalysis
import QuotewireEvaluation
import QuotewireModel

/// `quotewire eval DIR`: the EVALUATION.md metric on a brat folder.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure extraction quality on a brat folder (DIR/text/*.txt, DIR/attributions/*.ann)."
    )

    @Argument(help: "A folder with text/ and attributions/ subfolders.")
    var directory: String

    @Flag(help: "Analyze in this process (the default).")
    var local = false

    @Option(help: "Analyze through the server at this address instead (host:port, unix:/path, ...).")
    var server: String?

    @Option(
        help: ArgumentHelp(
            "With --server: a file whose first token line is sent as 'authorization: Bearer TOKEN'.",
            valueName: "file"))
    var tokenFile: String?

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Flag(help: "Also print the figures of each document.")
    var perDocument = false

    @Option(help: "Analyze the corpus this many times, to time the analysis.")
    var `repeat`: Int = 1

    @Option(
        name: [.customLong("errors"), .customLong("show-errors")],
        help: "List up to this many misses and false alarms by kind (missed-cue, boundary, speaker, spurious), with counts.")
    var showErrors: Int = 0

    @Flag(help: "Print content precision and recall at confidence thresholds 0.1 … 0.9, and the expected calibration error.")
    var curve = false

    @Flag(help: "With --show-errors, also print the matched predictions.")
    var showMatches = false

    @Flag(help: "Print the actors, quotes and demands found in each document.")
    var showAnalysis = false

    @Option(help: "With the local analyzer: choose attributions with the trained model or the rules alone (trained|rules).")
    var scoring: String = "trained"

    @Option(
        help: ArgumentHelp(
            "Also score demands against this hand-judged gold (JSON Lines: doc, cue, source, content, is_demand, addressee, action; Tests/Fixtures/demands).",
            valueName: "gold.jsonl"))
    var demands: String?

    @Option(help: "Only evaluate documents whose name contains this text.")
    var only: String?

    @Flag(help: "Also time 1 MB and 10 MB bodies built from the corpus and odd patterns, to show linear time.")
    var scaling = false

    @Option(help: "The body sizes, in MB, that --scaling times (comma-separated).")
    var scalingMegabytes: String = "1,10"

    func validate() throws {
        guard self.repeat >= 1 else { throw ValidationError("--repeat must be at least 1") }
        if self.local && self.server != nil { throw ValidationError("--local and --server cannot be combined") }
    }

    func run() async throws {
        var corpus = try EvalCorpus.load(self.directory, command: "eval")
        var demandGold = try self.demands.map { try Self.loadDemandGold($0, corpus: corpus) }
        if let only = self.only {
            corpus.documents = corpus.documents.filter { $0.name.contains(only) }
            guard !corpus.documents.isEmpty else {
                printError("quotewire eval: no document name contains \(only)")
                throw ExitCode(64)
            }
        }
        // `--only`: the judged documents that are left.
        let names = Set(corpus.documents.map(\.name))
        demandGold = demandGold?.filter { names.contains($0.key) }
        let backend: any AnalysisBackend
        if let server = self.server {
            let credentials = self.tokenFile.map { ["--token-file", $0] } ?? []
            let target = try TargetOptions.parse(["--server", server] + credentials)
            do {
                backend = try await target.makeBackend()
            } catch {
                printError("quotewire: \(error.message)")
                throw error.status
            }
        } else {
            guard let scoring = Analyzer.Scoring(rawValue: self.scoring) else {
                printError("quotewire eval: --scoring must be trained or rules, not \(self.scoring)")
                throw ExitCode(64)
            }
            backend = LocalAnalysisBackend(analyzer: Analyzer(scoring: scoring))
        }
        let runner = EvalRunner(analyze: { request in try await backend.analyze(request) })
        let report = try await runner.evaluate(corpus, repetitions: self.repeat, demandGold: demandGold)
        if self.showAnalysis {
            print(try await runner.analysisListing(corpus))
        }
        if self.showErrors > 0 {
            print(try await runner.errors(corpus, limit: self.showErrors, includeMatches: self.showMatches))
            if let demandGold {
                print(try await runner.demandErrors(corpus, gold: demandGold, limit: self.showErrors, includeMatches: self.showMatches))
            }
        }
        if self.json {
            print(report.json(perDocument: self.perDocument, curve: self.curve))
        } else {
            print(report.table(perDocument: self.perDocument))
            if self.curve { print(report.curveTable()) }
        }
        await backend.close()
        if self.scaling {
            for line in try await runner.scaling(corpus, megabytes: self.scalingMegabytes.split(separator: ",").compactMap { Int($0) }) { print(line) }
        }
    }

    /// The gold items by document; a missing file exits 66, a malformed one or one that names a
    /// document the corpus lacks exits 64, each with a message that says what is wrong.
    static func loadDemandGold(_ path: String, corpus: EvalCorpus) throws -> [String: [DemandGoldItem]] {
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            printError("quotewire eval: cannot read the demand gold \(path)")
            throw ExitStatus.noInput
        }
        let gold: DemandGold
        do {
            gold = try DemandGold(parsing: source)
        } catch {
            printError("quotewire eval: \(path): \(error)")
            throw ExitStatus.usage
        }
        let names = Set(corpus.documents.map(\.name))
        if let unknown = gold.documents.first(where: { !names.contains($0) }) {
            printError("quotewire eval: \(path) judges \(unknown), which is not a document of the corpus")
            throw ExitStatus.usage
        }
        return Dictionary(grouping: gold.items, by: \.document)
    }
}
