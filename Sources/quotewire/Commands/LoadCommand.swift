import ArgumentParser
import Foundation
import QuotewireModel
import QuotewireRPC

/// `quotewire load`: load-tests a running service over ttrpc.
struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load-test a Quotewire server: throughput, errors by status code, latency percentiles.",
        discussion: """
            Closed loop by default (each of --concurrency workers calls as soon as its previous call ends); \
            with --rate, open loop: calls are scheduled by the clock and latency is measured from each \
            call's intended start, so queueing is not hidden. Calls that meet UNAVAILABLE are sent again on \
            another connection (up to 3 attempts, except --call); other failures count as errors by status \
            code. Stops after --requests calls (default 10000) \
            or --duration, whichever comes first. Exit status 1 when a --max-* threshold is breached or \
            every call failed.
            """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case analyze, ping, health
    }

    @OptionGroup var server: ServerOptions

    @OptionGroup(title: "Network") var network: NetworkOptions

    @Option(help: "What to call: analyze, ping or health.")
    var method: Method = .ping

    @Option(help: ArgumentHelp("Call SERVICE/METHOD instead, with a Ping payload.", valueName: "service/method"))
    var call: String?

    @Option(help: "Calls in flight at most.")
    var concurrency = 8

    @Option(help: "Connections per endpoint.")
    var connections = 1

    @Option(
        help: ArgumentHelp(
            "Event-loop threads the load generator runs on.",
            discussion: "One thread drives tens of thousands of calls a second and leaves the most CPU to a server on the same machine; raise it when the generator itself is the bottleneck."))
    var threads = 1

    @Option(help: "Measured calls to make.")
    var requests: Int?

    @Option(help: "How long to measure, e.g. 30s, 2m.")
    var duration: DurationArgument?

    @Option(help: "Open loop: calls started per second.")
    var rate: Double?

    @Option(help: "Unmeasured warm-up before measuring, e.g. 2s.")
    var warmup: DurationArgument?

    @Option(help: "Deadline of each call, e.g. 5s, 500ms.")
    var timeout = DurationArgument(.seconds(10), text: "10s")

    @Option(
        help: ArgumentHelp(
            "Named phases of the measured run, e.g. before,during,after; SIGUSR1 moves to the next.",
            discussion: "The report then gives calls, failures by status and latency for each phase (a fault injector signals the load run when it starts and ends a fault).",
            valueName: "names"))
    var phases: String?

    @Option(help: ArgumentHelp("Articles for analyze: a .txt file, a folder of them, or JSON Lines.", valueName: "path"))
    var articles: String?

    @Option(help: ArgumentHelp("Analyze a synthetic article of this many bytes.", valueName: "bytes"))
    var synthetic: Int?

    @Option(help: "Ping payload size in bytes.")
    var payloadSize = 16

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Fail when the error rate exceeds this fraction, e.g. 0.01.", valueName: "fraction"))
    var maxErrorRate: Double?

    @Option(help: ArgumentHelp("Fail when the p99 latency exceeds this, e.g. 50ms.", valueName: "duration"))
    var maxP99: DurationArgument?

    func validate() throws {
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if connections < 1 { throw ValidationError("--connections must be at least 1") }
        if !(1...256).contains(threads) { throw ValidationError("--threads must be from 1 to 256") }
        if let requests, requests < 1 { throw ValidationError("--requests must be at least 1") }
        if let rate, !(rate > 0) { throw ValidationError("--rate must be more than 0") }
        if let synthetic, synthetic < 1 { throw ValidationError("--synthetic must be at least 1 byte") }
        if articles != nil && synthetic != nil { throw ValidationError("--articles and --synthetic cannot be combined") }
        if (articles != nil || synthetic != nil) && method != .analyze && call == nil {
            throw ValidationError("--articles and --synthetic go with --method analyze")
        }
        if let maxErrorRate, !(0...1).contains(maxErrorRate) {
            throw ValidationError("--max-error-rate is a fraction from 0 to 1")
        }
        if let call, call.split(separator: "/").count != 2 {
            throw ValidationError("--call takes SERVICE/METHOD, e.g. quotewire.v1.Server/Ping")
        }
        if timeout.duration <= .zero { throw ValidationError("--timeout must be more than 0") }
        if let phases, phaseNames(phases).isEmpty || Set(phaseNames(phases)).count != phaseNames(phases).count {
            throw ValidationError("--phases takes distinct comma-separated names, e.g. before,during,after")
        }
    }

    private func phaseNames(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        try await CommandFailure.reporting { try await loadTest() }
    }

    private func makeWorkload() throws -> LoadWorkload {
        if let call {
            let parts = call.split(separator: "/").map(String.init)
            return .raw(service: parts[0], method: parts[1])
        }
        switch method {
        case .ping: return .ping(size: payloadSize)
        case .health: return try .health(service: "")
        case .analyze:
            if let articles { return try .analyze(articles: LoadWorkload.loadArticles(from: articles)) }
            let body = SyntheticArticle.body(bytes: synthetic ?? 3_000)
            return try .analyze(articles: [Article(id: "synthetic", body: body)])
        }
    }

    private func loadTest() async throws {
        let workload = try makeWorkload()
        let shape = LoadShape(
            concurrency: concurrency, requests: requests ?? (duration == nil ? 10_000 : nil),
            duration: duration?.duration, rate: rate, warmup: warmup?.duration, timeout: timeout.duration)
        let client = try server.makeClient(
            connectionsPerEndpoint: connections, threads: threads, configure: network.apply(to:))
        let statistics = LoadStatistics(phases: phases.map(phaseNames) ?? [])
        let phaseSignal = phases == nil ? nil : PhaseSignal(statistics: statistics)
        defer { phaseSignal?.cancel() }
        let live = StandardError.isTerminal && !json
        let runner = LoadRunner(client: client, workload: workload, shape: shape)
        let elapsed: Duration
        do {
            elapsed = try await runner.run(into: statistics) { statistics, elapsed in
                guard live else { return }
                let snapshot = statistics.snapshot()
                let seconds = elapsed.inSeconds
                let p99 = snapshot.total == 0 ? 0 : Double(snapshot.histogram.valueAtPercentile(99)) / 1e6
                StandardError.write(
                    "\r\u{1B}[2K\(snapshot.total) calls, \(Int(Double(snapshot.total) / max(seconds, 0.001))) calls/s, "
                        + "\(snapshot.failed) errors, p99 \(String(format: "%.2f", p99)) ms")
            }
        } catch {
            await client.close()
            throw CommandFailure(message: "load: \(error.message)", status: ExitStatus.usage)
        }
        if live { StandardError.write("\r\u{1B}[2K") }
        await client.close()

        let report = LoadReport(
            workload: workload.summary, target: server.server, shape: shape, connections: connections,
            statistics: statistics.snapshot(), elapsed: elapsed, phases: statistics.phases())
        print(json ? report.json.serialized(pretty: true) : report.text)

        var breaches: [String] = []
        if report.statistics.total > 0 && report.statistics.succeeded == 0 {
            breaches.append("every call failed")
        }
        if let maxErrorRate, report.errorRate > maxErrorRate {
            breaches.append("error rate \(report.errorRate) exceeds --max-error-rate \(maxErrorRate)")
        }
        if let maxP99 {
            let p99 = report.micros(atPercentile: 99)
            if p99 > maxP99.seconds * 1e6 {
                breaches.append("p99 \(Int(p99)) µs exceeds --max-p99 \(maxP99)")
            }
        }
        if !breaches.isEmpty {
            throw CommandFailure(message: "load: " + breaches.joined(separator: "; "), status: ExitStatus.partialFailure)
        }
    }
}
