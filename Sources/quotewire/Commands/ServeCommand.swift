import ArgumentParser
import Logging
import NIOCore
import NIOPosix
import Prometheus
import QuotewireAnalysis
import QuotewireModel
import QuotewireRPC
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `quotewire serve`: serves the ttrpc API until SIGTERM or SIGINT (the first
/// signal drains gracefully, a second one exits at once).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the ttrpc API (quotewire.v1.Analyzer, quotewire.v1.Server, grpc.health.v1.Health).")

    @Option(help: "TCP address to listen on (default 127.0.0.1; TCP is off when only --unix is given).")
    var host: String?

    @Option(help: "TCP port to listen on; 0 picks a free port (default 7807).")
    var port: Int?

    @Option(help: "Unix socket path to listen on.")
    var unix: String?

    @Option(help: "Largest frame payload accepted, in bytes.")
    var maxFrameBytes: Int = 4 << 20

    @Option(help: "Most connections served at once.")
    var maxConnections: Int = 1024

    @Option(help: "Most concurrent calls on one connection.")
    var maxStreamsPerConnection: Int = 128

    @Option(help: "Most calls awaiting an answer over all connections (streams count whether or not they have traffic).")
    var maxCalls: Int = 16384

    @Option(help: "Close connections that send nothing for this many seconds (0: never); with --auth-token-file, also connections that present no valid token within it.")
    var idleTimeout: Double = 300

    @Option(help: "Most bytes of one answer; an analysis whose answer would be larger stops and is answered RESOURCE_EXHAUSTED (the frame limit applies too).")
    var maxResponseBytes: Int = 4 << 20

    @Option(help: "Most bytes of unread answers one connection may hold; beyond it its calls are answered RESOURCE_EXHAUSTED.")
    var maxQueuedResponseBytes: Int = 16 << 20

    @Option(help: "Most bytes of request payload waiting for or running on the thread pool, over all connections; beyond it RESOURCE_EXHAUSTED at once.")
    var maxQueuedWorkBytes: Int = 32 << 20

    @Option(help: "Most of --max-queued-work-bytes one connection may hold.")
    var maxQueuedWorkBytesPerConnection: Int = 8 << 20

    @Option(help: "Most bytes of stream messages one connection may hold over all its streams (received, or taken and still being analysed); beyond it the connection stops reading until they catch up.")
    var maxQueuedStreamBytes: Int = 2 << 20

    @Option(help: "Answer DEADLINE_EXCEEDED to streams that send and receive nothing for this many seconds (0: never).")
    var streamIdleTimeout: Double = 60

    @Option(help: "Seconds in-flight calls may run after SIGTERM/SIGINT.")
    var shutdownGrace: Double = 10

    @Option(help: "Event loop threads (default: one per core).")
    var threads: Int = System.coreCount

    @Option(help: "Analyze requests smaller than this many bytes inline on the event loop; larger ones on the thread pool.")
    var inlineAnalyzeBytes: Int = AnalyzerService.defaultInlineThreshold

    @Option(help: "Serve Prometheus metrics at http://HOST:PORT/metrics on this port (0 picks a free one).")
    var metricsPort: Int?

    @Option(help: "Address of the metrics listener (default: the --host address, or 127.0.0.1).")
    var metricsHost: String?

    @Option(help: "Most connections to the metrics listener at once.")
    var metricsMaxConnections: Int = 16

    @Option(help: "Seconds a metrics connection may take to send a request, or stay idle between requests.")
    var metricsTimeout: Double = 10

    @Option(
        help: ArgumentHelp(
            "Require 'Authorization: Bearer TOKEN' on /metrics with one of the tokens in this file (one per line).",
            valueName: "file"))
    var metricsAuthTokenFile: String?

    @Option(
        help: ArgumentHelp(
            "Require 'authorization: Bearer TOKEN' metadata with one of the tokens in this file (one per line).",
            discussion: "Blank lines and # comments are ignored; an empty or unreadable file stops the server. "
                + "grpc.health.v1.Health stays open for probes.",
            valueName: "file"))
    var authTokenFile: String?

    @Option(help: ArgumentHelp("PEM certificate chain: the TCP listener speaks TLS (needs --tls-key; re-read on SIGHUP).", valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("PEM private key of --tls-cert (re-read on SIGHUP).", valueName: "file"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("PEM CA bundle: clients must present a certificate it issued (mutual TLS).", valueName: "file"))
    var tlsClientCa: String?

    @Option(help: "Seconds a TLS client may take to complete its handshake; the connection counts against --max-connections meanwhile.")
    var tlsHandshakeTimeout: Double = 10

    @Option(help: ArgumentHelp("Comma-separated uids allowed on the Unix socket (SO_PEERCRED); others get PERMISSION_DENIED (default: any).", valueName: "uids"))
    var unixAllowUid: String?

    @Flag(help: "Log one line per call (peer, identity, method, status code, duration, bytes, article id, trace id) in the --log-format.")
    var accessLog = false

    @OptionGroup var logging: LoggingOptions

    /// The options that `QUOTEWIRE_*` environment variables may set, e.g.
    /// `QUOTEWIRE_PORT`, `QUOTEWIRE_MAX_FRAME_BYTES`, `QUOTEWIRE_LOG_FORMAT`.
    static let environmentOptions: [EnvironmentArguments.Option] = [
        "host", "port", "unix", "max-frame-bytes", "max-connections", "max-streams-per-connection", "idle-timeout",
        "shutdown-grace", "threads", "inline-analyze-bytes", "metrics-port", "metrics-host", "log-level", "log-format",
        "auth-token-file", "max-response-bytes", "max-queued-response-bytes", "max-queued-work-bytes", "max-queued-work-bytes-per-connection",
        "max-queued-stream-bytes", "stream-idle-timeout", "max-calls", "metrics-max-connections", "metrics-timeout",
        "metrics-auth-token-file", "tls-cert", "tls-key", "tls-client-ca", "tls-handshake-timeout", "unix-allow-uid",
    ].map { EnvironmentArguments.Option(name: $0) } + [EnvironmentArguments.Option(name: "access-log", isFlag: true)]

    func validate() throws {
        guard self.maxFrameBytes > 0 else { throw ValidationError("--max-frame-bytes must be positive") }
        guard self.maxConnections > 0 else { throw ValidationError("--max-connections must be positive") }
        guard self.maxStreamsPerConnection > 0 else {
            throw ValidationError("--max-streams-per-connection must be positive")
        }
        guard (0...1e8).contains(self.idleTimeout), (0...1e8).contains(self.shutdownGrace) else {
            throw ValidationError("--idle-timeout and --shutdown-grace must be between 0 and 1e8 seconds")
        }
        guard (0...1e8).contains(self.streamIdleTimeout) else {
            throw ValidationError("--stream-idle-timeout must be between 0 and 1e8 seconds")
        }
        guard self.metricsTimeout > 0, self.metricsTimeout <= 1e8 else {
            throw ValidationError("--metrics-timeout must be between 0 (excluded) and 1e8 seconds")
        }
        for (flag, value) in [
            ("--max-response-bytes", self.maxResponseBytes), ("--max-queued-response-bytes", self.maxQueuedResponseBytes),
            ("--max-queued-work-bytes", self.maxQueuedWorkBytes), ("--max-calls", self.maxCalls),
            ("--max-queued-work-bytes-per-connection", self.maxQueuedWorkBytesPerConnection), ("--metrics-max-connections", self.metricsMaxConnections),
            ("--max-queued-stream-bytes", self.maxQueuedStreamBytes),
        ] where value <= 0 {
            throw ValidationError("\(flag) must be positive")
        }
        guard self.threads > 0 else { throw ValidationError("--threads must be positive") }
        if (self.tlsCert == nil) != (self.tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        if self.tlsClientCa != nil, self.tlsCert == nil {
            throw ValidationError("--tls-client-ca needs --tls-cert and --tls-key (mutual TLS is TLS)")
        }
        guard self.tlsHandshakeTimeout > 0, self.tlsHandshakeTimeout <= 1e8 else {
            throw ValidationError("--tls-handshake-timeout must be between 0 (excluded) and 1e8 seconds")
        }
        _ = try self.allowedUIDs()
        if let port = self.port, !(0...65535).contains(port) { throw ValidationError("--port must be 0...65535") }
        if let port = self.metricsPort, !(0...65535).contains(port) {
            throw ValidationError("--metrics-port must be 0...65535")
        }
    }

    func run() async throws {
        let logger = self.logging.bootstrap(label: "quotewire.serve")
        MallocTuning.apply()
        let authorizer = try Self.loadTokens(self.authTokenFile, flag: "--auth-token-file") { try TokenFileAuthorizer(path: $0) }
        let tls = try self.loadTLS()
        let metricsAuthorizer = try Self.loadTokens(self.metricsAuthTokenFile, flag: "--metrics-auth-token-file") {
            BearerTokenAuthorizer(tokenFile: try TokenFile(contentsOf: $0))
        }
        var targets: [BindTarget] = []
        if self.unix == nil || self.host != nil || self.port != nil {
            targets.append(.tcp(host: self.host ?? "127.0.0.1", port: self.port ?? 7807))
        }
        if let unix = self.unix { targets.append(.unix(path: unix)) }

        var configuration = ServerConfiguration(
            bindTargets: targets,
            maxFrameBytes: self.maxFrameBytes,
            maxConnections: self.maxConnections,
            maxStreamsPerConnection: self.maxStreamsPerConnection,
            maxCalls: self.maxCalls,
            maxQueuedStreamBytes: self.maxQueuedStreamBytes,
            maxResponseBytes: self.maxResponseBytes,
            maxQueuedResponseBytes: self.maxQueuedResponseBytes,
            maxQueuedWorkBytes: self.maxQueuedWorkBytes,
            maxQueuedWorkBytesPerConnection: self.maxQueuedWorkBytesPerConnection,
            streamIdleTimeout: self.streamIdleTimeout > 0 ? .milliseconds(Int64(self.streamIdleTimeout * 1000)) : nil,
            idleTimeout: self.idleTimeout > 0 ? .milliseconds(Int64(self.idleTimeout * 1000)) : nil,
            shutdownGrace: .milliseconds(Int64(self.shutdownGrace * 1000)),
            threads: self.threads,
            version: QuotewireVersion.current,
            authorizer: authorizer?.authorizer)
        configuration.tls = tls
        configuration.tlsHandshakeTimeout = .milliseconds(Int64(self.tlsHandshakeTimeout * 1000))
        configuration.allowedUnixUIDs = try self.allowedUIDs()
        if self.accessLog {
            let accessLog = AccessLog()
            configuration.callLog = { accessLog.record($0) }
        }
        if authorizer != nil, tls == nil, let host = targets.compactMap(Self.tcpHost).first, !Self.isLoopback(host) {
            logger.warning(
                "--auth-token-file without TLS on \(host): tokens and articles cross the network in clear text (give --tls-cert and --tls-key)")
        }
        var metrics: (registry: PrometheusCollectorRegistry, group: MultiThreadedEventLoopGroup)?
        if self.metricsPort != nil {
            let registry = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: registry)
            factory.defaultDurationHistogramBuckets = Self.latencyBuckets
            configuration.observer = MetricsObserver(factory: factory)
            metrics = (registry, MultiThreadedEventLoopGroup(numberOfThreads: 1))
        }
        var services = ServiceRegistry()
        let analyzer = Analyzer()
        // The trained model is parsed on first use: here, before serving, not in the first
        // call, which may run inline on an event loop (seconds in a debug build on a busy machine).
        _ = try? analyzer.analyze(AnalyzeRequest(article: Article(id: "warm-up", body: "\"Yes,\" she said.")))
        AnalyzerService.register(into: &services, analyzer: analyzer, inlineThreshold: self.inlineAnalyzeBytes)
        let server = TTRPCServer(
            configuration: configuration, services: services, logger: Logger(label: "quotewire.rpc"))

        let endpoint = metrics.map { metrics in
            let registry = metrics.registry
            return MetricsEndpoint(
                host: self.metricsHost ?? self.host ?? "127.0.0.1", port: self.metricsPort ?? 0,
                limits: MetricsEndpoint.Limits(
                    maxConnections: self.metricsMaxConnections,
                    timeout: .milliseconds(Int64(self.metricsTimeout * 1000))),
                authorizer: metricsAuthorizer, render: { registry.emitToBuffer() })
        }
        let metricsGroup = metrics?.group
        let reloader = ServeReloader(tls: tls, tokens: authorizer, logger: logger)
        var service = ServeService(
            server: server,
            startMetrics: {
                guard let endpoint, let metricsGroup else { return nil }
                return try await endpoint.start(group: metricsGroup)
            },
            announce: { addresses, metricsChannel in
                let listening = addresses.map(Self.describe).joined(separator: ", ")
                let metricsText = metricsChannel?.localAddress.map { "; metrics on http://\(Self.describe($0))/metrics" } ?? ""
                logger.info(
                    "quotewire \(QuotewireVersion.current) serving ttrpc on \(listening)\(metricsText)",
                    metadata: ["version": "\(QuotewireVersion.current)", "pid": "\(getpid())"])
            })
        // SIGHUP re-reads the certificate, key and token file.
        service.reload = { reloader.reload() }
        // The group traps the signals before it runs the service, which logs the start-up line.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
        try? await metrics?.group.shutdownGracefully()
        logger.info("quotewire stopped")
    }

    /// The tokens of `path` as `load` reads them, or `nil` without a path; an
    /// unreadable or empty file exits with status 66.
    private static func loadTokens<Tokens>(_ path: String?, flag: String, _ load: (String) throws -> Tokens) throws -> Tokens? {
        guard let path else { return nil }
        do {
            return try load(path)
        } catch {
            printError("quotewire: \(flag): \(error)")
            throw ExitStatus.noInput
        }
    }

    /// The TLS of `--tls-cert`/`--tls-key`/`--tls-client-ca`; a file that cannot be used exits with status 66.
    private func loadTLS() throws -> ServerTLS? {
        guard let certificate = self.tlsCert, let key = self.tlsKey else { return nil }
        do {
            return try ServerTLS(files: ServerTLSFiles(certificateChain: certificate, privateKey: key, clientCA: self.tlsClientCa))
        } catch {
            printError("quotewire: \(error)")
            throw ExitStatus.noInput
        }
    }

    /// `--unix-allow-uid`, parsed; `nil`: any uid.
    private func allowedUIDs() throws -> Set<UInt32>? {
        guard let text = self.unixAllowUid else { return nil }
        var uids = Set<UInt32>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = part.filter { !$0.isWhitespace }
            guard let uid = UInt32(trimmed) else {
                throw ValidationError("--unix-allow-uid: \"\(trimmed)\" is not a uid (give numbers, e.g. 0,1000)")
            }
            uids.insert(uid)
        }
        return uids
    }

    private static func tcpHost(_ target: BindTarget) -> String? {
        if case .tcp(let host, _) = target { return host }
        return nil
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Latency histogram buckets from 100 µs to 10 s.
    static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    static func describe(_ address: SocketAddress) -> String {
        switch address {
        case .unixDomainSocket: return "unix:\(address.pathname ?? "?")"
        case .v6: return "[\(address.ipAddress ?? "?")]:\(address.port ?? 0)"
        default: return "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
        }
    }
}
