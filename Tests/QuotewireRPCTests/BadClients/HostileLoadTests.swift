import Foundation
import NIOCore
import QuotewireAnalysis
import QuotewireModel
import Synchronization
import Testing

@testable import QuotewireRPC

/// The hostile clients of issue 14, each over real sockets against the real
/// analyzer: every bound holds, work follows its call, and an honest client
/// on another connection is answered throughout.
@Suite("Hostile load", .serialized)
struct HostileLoadTests {
    /// The real analyzer, counting the analyses that started and the ones that ran to the end.
    final class CountingAnalyzer: ArticleAnalyzing {
        let analyzer = Analyzer()
        private let started = Atomic<Int>(0)
        private let finished = Atomic<Int>(0)
        var analysesStarted: Int { self.started.load(ordering: .relaxed) }
        var analysesFinished: Int { self.finished.load(ordering: .relaxed) }

        func analyze(_ request: AnalyzeRequest) throws(AnalyzeError) -> AnalyzeResponse {
            try self.analyze(request, budget: .unlimited)
        }

        func analyze(_ request: AnalyzeRequest, budget: AnalysisBudget) throws(AnalyzeError) -> AnalyzeResponse {
            self.started.add(1, ordering: .relaxed)
            let response = try self.analyzer.analyze(request, budget: budget)
            self.finished.add(1, ordering: .relaxed)
            return response
        }
    }

    /// Records which bounds acted, and the bytes received.
    final class LimitObserver: ServerObserver {
        private let counts = Locked<[ServerLimit: Int]>([:])
        private let received = Atomic<Int>(0)
        var bytesReceived: Int { self.received.load(ordering: .relaxed) }
        func limitReached(_ limit: ServerLimit) { self.counts.withLock { $0[limit, default: 0] += 1 } }
        func count(_ limit: ServerLimit) -> Int { self.counts.withLock { $0[limit] ?? 0 } }
        func bytesReceived(_ count: Int) { self.received.add(count, ordering: .relaxed) }
        /// Every bound that acted, with its count, for a failure message.
        var summary: String {
            self.counts.withLock { $0.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: " ") }
        }
    }

    static func registry(_ analyzer: CountingAnalyzer) -> ServiceRegistry {
        var registry = ServiceRegistry()
        AnalyzerService.register(into: &registry, analyzer: analyzer)
        registry.synchronousUnary(service: "test.Service", method: "Block", execution: .offloaded) {
            (request: PingRequest, _: CallContext) -> PingResponse in
            // Ignores cancellation on purpose: blocks its thread for the ms in the first two bytes.
            let millis = request.payload.count >= 2 ? Int(request.payload[0]) << 8 | Int(request.payload[1]) : 0
            Thread.sleep(forTimeInterval: Double(millis) / 1000)
            return PingResponse(payload: request.payload)
        }
        registry.synchronousUnary(service: "test.Service", method: "FailWithNUL", execution: .inline) {
            (_: PingRequest, _: CallContext) -> PingResponse in
            throw RPCError(code: .aborted, message: "before\u{0}after")
        }
        registry.synchronousUnary(service: "test.Service", method: "Unencodable", execution: .inline) {
            (_: PingRequest, _: CallContext) -> InfoResponse in
            InfoResponse(version: "1.0\u{0}")
        }
        return registry
    }

    /// An article of `bytes` bytes repeating `phrase`.
    static func article(_ phrase: String, bytes: Int, id: String = "hostile") -> AnalyzeRequest {
        let body = String(String(repeating: phrase, count: bytes / phrase.utf8.count + 1).utf8.prefix(bytes))!
        return AnalyzeRequest(article: Article(id: id, body: body))
    }

    static func analyzeFrame(streamID: UInt32, _ request: AnalyzeRequest, timeoutNano: Int64 = 0) throws -> [UInt8] {
        frameBytes(
            streamID: streamID,
            payload: try QuotewireRPCTests.request(
                service: AnalyzerService.name, method: "Analyze", payload: request.protobufBytes(),
                timeoutNano: timeoutNano))
    }

    static func blockFrame(streamID: UInt32, millis: Int, tag: UInt8, timeoutNano: Int64 = 0) throws -> [UInt8] {
        let payload = try PingRequest(payload: [UInt8(millis >> 8), UInt8(millis & 0xFF), tag]).protobufBytes()
        return frameBytes(
            streamID: streamID,
            payload: try request(service: "test.Service", method: "Block", payload: payload, timeoutNano: timeoutNano))
    }

    static func status(_ frame: (header: FrameHeader, payload: [UInt8])) throws -> RPCStatus? {
        try TTRPCResponse(protobuf: frame.payload).status
    }

    /// How long an honest Ping may take: the 500 ms in release
    /// builds. Pings run on the event loops, which hostile work never holds:
    /// in this suite alone (debug build, two CPU burners, the machine's load
    /// at 12) they took at most 25 ms; but in the full debug suite, beside
    /// the CLI tests' servers and two burners, one took 1.37 s (connecting
    /// included), so debug builds allow 3 s.
    #if DEBUG
        static let honestPingBound: Duration = .seconds(3)
    #else
        static let honestPingBound: Duration = .milliseconds(500)
    #endif

    /// How long an honest 16 KiB Analyze may take. It runs on the thread
    /// pool, where the fair scheduler gives it the first thread that frees:
    /// it waits for at most one hostile job per thread. In release builds
    /// that is the 500 ms (figures in the README). A debug build
    /// analyses about ten times slower: one hostile 64 KiB job takes 0.4 s
    /// alone, and with two CPU burners beside the suite the honest Analyze
    /// was measured at up to 1.85 s behind one; so debug builds allow 3 s.
    #if DEBUG
        static let honestAnalyzeBound: Duration = .seconds(3)
    #else
        static let honestAnalyzeBound: Duration = .milliseconds(500)
    #endif

    /// Checks that an honest Ping and a 16 KiB Analyze from a connection of
    /// their own are answered within their bounds.
    static func expectHonestCallsAnswered(
        _ port: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        try await withClient("127.0.0.1:\(port)") { client in
            let clock = ContinuousClock()
            let start = clock.now
            let echoed = try await client.ping([7], options: CallOptions(timeout: .seconds(10)))
            let ping = clock.now - start
            let request = Self.article("\"We will build it,\" the mayor said. ", bytes: 16 << 10, id: "honest")
            let analyzeStart = clock.now
            let response = try await client.analyze(request, options: CallOptions(timeout: .seconds(10)))
            let analyze = clock.now - analyzeStart
            #expect(echoed == [7], sourceLocation: sourceLocation)
            #expect(response.articleID == "honest", sourceLocation: sourceLocation)
            #expect(ping < Self.honestPingBound, "honest Ping took \(ping)", sourceLocation: sourceLocation)
            #expect(analyze < Self.honestAnalyzeBound, "honest Analyze took \(analyze)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Case 1

    @Test("1. an answer that would pass the response bound is refused before it is built")
    func responseAmplification() async throws {
        let analyzer = CountingAnalyzer()
        let observer = LimitObserver()
        try await withServer({
            $0.observer = observer
            $0.maxResponseBytes = 48 << 10
        }, registry: Self.registry(analyzer), timeout: 120) { server, port in
            for phrase in ["John urged Mary to ", "He said that according to the mayor "] {
                let socket = try PosixSocket(port: port)
                defer { socket.close() }
                try await socket.send(try Self.analyzeFrame(streamID: 1, Self.article(phrase, bytes: 64 << 10)))
                let frames = try await socket.receiveFrames(1, timeout: .seconds(60))
                try #require(frames.count == 1)
                let status = try Self.status(frames[0])
                #expect(status?.code == StatusCode.resourceExhausted.rawValue, "\(phrase): \(String(describing: status))")
                #expect(status?.message.contains("49152") == true)
                #expect(frames[0].payload.count < 1024, "the refusal carries no answer")
            }
            #expect(observer.count(.responseBytes) == 2)
            #expect(analyzer.analysesFinished == 0, "an analysis built its whole answer")
            try await Self.expectHonestCallsAnswered(port)
        }
    }

    // MARK: Case 2

    /// Sends 20 Analyze calls whose answers are about 1 MB each, on a socket that reads nothing.
    static func sendUnreadCalls(_ socket: PosixSocket) throws -> Task<Void, Never> {
        var batch: [UInt8] = []
        let request = Self.article("John urged Mary to ", bytes: 48 << 10)
        for index in 0..<20 { batch += try Self.analyzeFrame(streamID: UInt32(2 * index + 1), request) }
        // The send blocks once the server stops reading, and fails when the connection closes.
        return Task.detached { try? await socket.send(batch) }
    }

    @Test("2. answers that are never read: the connection's unread answers are bounded")
    func unreadAnswersBounded() async throws {
        let observer = LimitObserver()
        try await withServer({
            $0.observer = observer
            $0.maxQueuedResponseBytes = 256 << 10
        }, registry: Self.registry(CountingAnalyzer()), timeout: 120) { server, port in
            let socket = try PosixSocket(port: port, receiveBuffer: 4096)
            let sender = try Self.sendUnreadCalls(socket)
            #expect(await eventually(within: .seconds(60)) { observer.count(.queuedResponseBytes) > 0 })
            // Over the bound, answers are refused instead of queued: one answer at most stays buffered.
            let buffered = await server.statistics().bufferedOutboundBytes
            #expect(buffered < (256 << 10) + (4 << 20), "\(buffered) bytes of unread answers")
            // The calls already accepted still run (their answers are refused): in a debug build
            // they hold both pool threads for seconds, so the honest client is checked after.
            socket.close()
            await sender.value
            #expect(await eventually { await server.statistics() == ServerStatistics(
                openConnections: 0, liveCalls: 0, runningTasks: 0, bufferedOutboundBytes: 0) })
            try await Self.expectHonestCallsAnswered(port)
        }
    }

    @Test("2. answers that are never read: the connection is closed once nothing is flushed for the idle timeout")
    func unreadAnswersClosed() async throws {
        let observer = LimitObserver()
        try await withServer({
            $0.observer = observer
            $0.idleTimeout = .seconds(1)
        }, registry: Self.registry(CountingAnalyzer()), timeout: 120) { server, port in
            let socket = try PosixSocket(port: port, receiveBuffer: 4096)
            defer { socket.close() }
            let sender = try Self.sendUnreadCalls(socket)
            #expect(await eventually(within: .seconds(30)) { await server.statistics().liveCalls > 0 })
            #expect(await eventually(within: .seconds(60)) { await server.statistics().openConnections == 0 })
            #expect(observer.count(.stalledWrites) == 1)
            socket.close()
            await sender.value
            #expect(await server.statistics() == ServerStatistics(
                openConnections: 0, liveCalls: 0, runningTasks: 0, bufferedOutboundBytes: 0))
        }
    }

    // MARK: Case 3

    @Test("3. calls answered by their deadline drop their queued work")
    func deadlineFlood() async throws {
        let analyzer = CountingAnalyzer()
        try await withServer({
            $0.maxQueuedWorkBytesPerConnection = 64 << 20  // every call queued: the deadline, not a bound, answers them
        }, registry: Self.registry(analyzer), timeout: 120) { server, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            let calls = 200
            let request = Self.article("\"We will not pay twice,\" the mayor told reporters. ", bytes: 128 << 10)
            var batch: [UInt8] = []
            for index in 0..<calls {
                batch += try Self.analyzeFrame(streamID: UInt32(2 * index + 1), request, timeoutNano: 1000)
            }
            try await socket.send(batch)
            let frames = try await socket.receiveFrames(calls, timeout: .seconds(60))
            #expect(frames.count == calls)
            #expect(try frames.allSatisfy { try Self.status($0)?.code == StatusCode.deadlineExceeded.rawValue })
            // Every call was answered: at most the jobs running at that moment may still finish.
            try await Self.expectHonestCallsAnswered(port)
            #expect(await eventually { await server.statistics().liveCalls == 0 })
            #expect(analyzer.analysesFinished <= 4, "\(analyzer.analysesFinished) analyses ran for answered calls")
        }
    }

    @Test("3. calls of a client that disconnects drop their queued work")
    func disconnectDropsWork() async throws {
        let analyzer = CountingAnalyzer()
        try await withServer({ _ in }, registry: Self.registry(analyzer), timeout: 120) { server, port in
            let request = Self.article("\"We will not pay twice,\" the mayor told reporters. ", bytes: 64 << 10)
            let socket = try PosixSocket(port: port)
            var batch: [UInt8] = []
            for index in 0..<100 { batch += try Self.analyzeFrame(streamID: UInt32(2 * index + 1), request) }
            try await socket.send(batch)
            #expect(await eventually { await server.statistics().liveCalls > 0 })
            socket.close()
            #expect(await eventually { await server.statistics().openConnections == 0 })
            try await Self.expectHonestCallsAnswered(port)
            #expect(analyzer.analysesFinished < 100, "every analysis of a departed client ran")
        }
    }

    @Test("3. offloaded work beyond the server's bound is refused at once")
    func queuedWorkBound() async throws {
        let analyzer = CountingAnalyzer()
        let observer = LimitObserver()
        try await withServer({
            $0.observer = observer
            $0.maxQueuedWorkBytes = 256 << 10
        }, registry: Self.registry(analyzer), timeout: 120) { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            let request = Self.article("\"We will not pay twice,\" the mayor told reporters. ", bytes: 64 << 10)
            var batch: [UInt8] = []
            for index in 0..<40 { batch += try Self.analyzeFrame(streamID: UInt32(2 * index + 1), request) }
            try await socket.send(batch)
            let frames = try await socket.receiveFrames(40, timeout: .seconds(60))
            let codes = try frames.map { StatusCode(rawValue: try Self.status($0)?.code ?? 0) }
            #expect(codes.count == 40)
            #expect(codes.filter { $0 == .resourceExhausted }.count >= 30, "\(codes)")
            #expect(codes.contains(.ok))
            #expect(observer.count(.queuedWorkBytes) == codes.filter { $0 == .resourceExhausted }.count)
            try await Self.expectHonestCallsAnswered(port)
        }
    }

    @Test("3. one connection holds at most its share of the offloaded work")
    func perConnectionWorkShare() async throws {
        let observer = LimitObserver()
        try await withServer({
            $0.observer = observer
            $0.maxQueuedWorkBytesPerConnection = 256 << 10
        }, registry: Self.registry(CountingAnalyzer()), timeout: 120) { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            let request = Self.article("\"We will not pay twice,\" the mayor told reporters. ", bytes: 64 << 10)
            var batch: [UInt8] = []
            for index in 0..<40 { batch += try Self.analyzeFrame(streamID: UInt32(2 * index + 1), request) }
            try await socket.send(batch)
            // Another connection still gets the pool while this one is at its share.
            try await Self.expectHonestCallsAnswered(port)
            let frames = try await socket.receiveFrames(40, timeout: .seconds(60))
            let codes = try frames.map { StatusCode(rawValue: try Self.status($0)?.code ?? 0) }
            #expect(codes.filter { $0 == .resourceExhausted }.count >= 30, "\(codes)")
            #expect(frames.contains { (try? Self.status($0)?.message.contains("this connection holds")) == true })
        }
    }

    // MARK: Case 4

    @Test("4. a reused stream id gets its own answer, never the late answer of the call before")
    func reusedStreamID() async throws {
        let analyzer = CountingAnalyzer()
        try await withServer({ _ in }, registry: Self.registry(analyzer)) { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            // A blocks its thread for 400 ms but may wait only 50 ms.
            try await socket.send(try Self.blockFrame(streamID: 1, millis: 400, tag: 0xA, timeoutNano: 50_000_000))
            let first = try await socket.receiveFrames(1)
            try #require(first.count == 1)
            #expect(try Self.status(first[0])?.code == StatusCode.deadlineExceeded.rawValue)
            // B reuses id 1 while A's work is still running, and finishes after it.
            try await socket.send(try Self.blockFrame(streamID: 1, millis: 800, tag: 0xB))
            let second = try await socket.receiveFrames(1)
            try #require(second.count == 1)
            #expect(second[0].header.streamID == 1)
            let answer = try TTRPCResponse(protobuf: second[0].payload)
            #expect(answer.status == nil)
            #expect(try PingResponse(protobuf: answer.payload).payload == [0x03, 0x20, 0xB], "B got A's answer")
        }
    }

    // MARK: Case 8

    @Test("8. without a token a call is refused before the method lookup")
    func authBeforeDispatch() async throws {
        try await withServer({ configuration in
            configuration.authorizer = BearerTokenAuthorizer(tokens: ["s3cret"]).authorizer
        }, registry: Self.registry(CountingAnalyzer())) { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            try await socket.send(frameBytes(streamID: 1, payload: try request(service: "secret.Admin", method: "Wipe")))
            try await socket.send(frameBytes(streamID: 3, payload: try request(service: "quotewire.v1.Server", method: "Nope")))
            let frames = try await socket.receiveFrames(2)
            #expect(try frames.map { try Self.status($0)?.code } == [16, 16])
        }
    }

    @Test("8. a connection that presents no valid token is closed after the idle timeout, whatever it sends")
    func unauthenticatedConnectionClosed() async throws {
        let observer = LimitObserver()
        try await withServer({ configuration in
            configuration.observer = observer
            configuration.idleTimeout = .seconds(1)
            configuration.authorizer = BearerTokenAuthorizer(tokens: ["s3cret"]).authorizer
        }, registry: Self.registry(CountingAnalyzer())) { server, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            let started = ContinuousClock.now
            var closed = false
            // One ignored frame every 200 ms kept such a connection open for good.
            for _ in 0..<100 where !closed {
                if (try? await socket.send(frameBytes(streamID: 1, type: 0x07, payload: [1]))) == nil { closed = true }
                if await socket.isClosedByPeer(within: .milliseconds(200)) { closed = true }
            }
            #expect(closed)
            #expect(ContinuousClock.now - started < .seconds(10))
            #expect(observer.count(.unauthenticated) == 1)
        }
    }

    // MARK: Case 9

    @Test("9. an inline Analyze honours its deadline")
    func inlineDeadline() async throws {
        try await withServer({ _ in }, registry: Self.registry(CountingAnalyzer())) { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            let small = AnalyzeRequest(article: Article(id: "small", body: "\"Fine,\" she said."))
            try await socket.send(try Self.analyzeFrame(streamID: 1, small, timeoutNano: 1000))
            try await socket.send(try Self.analyzeFrame(streamID: 3, small, timeoutNano: 10_000_000_000))
            let frames = try await socket.receiveFrames(2)
            try #require(frames.count == 2)
            #expect(try Self.status(frames[0])?.code == StatusCode.deadlineExceeded.rawValue)
            #expect(try Self.status(frames[1]) == nil)
        }
    }

    // MARK: Case 10

    @Test("10. an answer that cannot be encoded is an error, never an empty OK")
    func encodeFailure() async throws {
        try await withServer({ _ in }, registry: Self.registry(CountingAnalyzer())) { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            try await socket.send(frameBytes(streamID: 1, payload: try request(service: "test.Service", method: "FailWithNUL")))
            try await socket.send(frameBytes(streamID: 3, payload: try request(service: "test.Service", method: "Unencodable")))
            let frames = try await socket.receiveFrames(2)
            try #require(frames.count == 2)
            let failed = try Self.status(frames[0])
            #expect(failed?.code == StatusCode.aborted.rawValue)
            #expect(failed?.message == "before\u{FFFD}after")
            let unencodable = try Self.status(frames[1])
            #expect(unencodable?.code == StatusCode.internal.rawValue)
            #expect(unencodable?.message.contains("could not be encoded") == true)
        }
    }
}

extension HostileLoadTests {
    /// Opens an AnalyzeStream whose first request (if any) rides on the opening frame; the stream stays open.
    static func openStreamFrame(streamID: UInt32, _ first: AnalyzeRequest?) throws -> [UInt8] {
        frameBytes(
            streamID: streamID, flags: 0x02,
            payload: try request(
                service: AnalyzerService.name, method: "AnalyzeStream", payload: first?.protobufBytes() ?? []))
    }

    // MARK: Case 5

    @Test("5. shutdown completes within the grace while streams hold queued work")
    func shutdownWithStreams() async throws {
        let analyzer = CountingAnalyzer()
        var configuration = ServerConfiguration(
            bindTargets: [.tcp(host: "127.0.0.1", port: 0)], shutdownGrace: .seconds(1), threads: 2, version: "test")
        configuration.maxQueuedWorkBytes = 64 << 20
        let server = TTRPCServer(configuration: configuration, services: Self.registry(analyzer))
        try await serving(server) { port in
        let sockets = try (0..<2).map { _ in try PosixSocket(port: port) }
        defer { sockets.forEach { $0.close() } }
        let article = Self.article("\"We will not pay twice,\" the mayor told reporters. ", bytes: 64 << 10)
        let message = try article.protobufBytes()
        for socket in sockets {
            var batch: [UInt8] = []
            for index in 0..<30 {
                let streamID = UInt32(2 * index + 1)
                batch += try Self.openStreamFrame(streamID: streamID, article)
                batch += frameBytes(streamID: streamID, type: 3, payload: message)
            }
            try await socket.send(batch)
        }
        #expect(await eventually { analyzer.analysesStarted > 0 })
        let clock = ContinuousClock()
        let started = clock.now
        server.initiateGracefulShutdown()
        try await withTimeout(30) { await server.waitUntilShutdown() }
        let took = clock.now - started
        #expect(took < .seconds(2), "shutdown took \(took) with a grace of 1 s")
        #expect(analyzer.analysesFinished < 120, "all queued work was analysed before the exit")
        }
    }

    @Test("5. a connection's streams together hold at most its stream budget, however many they are")
    func streamBudgetSpansStreams() async throws {
        let observer = LimitObserver()
        var registry = Self.registry(CountingAnalyzer())
        registry.clientStreaming(service: "test.Service", method: "Hold") {
            (requests: RequestStream<PingRequest>, _: CallContext) async throws -> PingResponse in
            // Works on its first message until the call is cancelled.
            for try await _ in requests { try await Task.sleep(for: .seconds(120)) }
            return PingResponse()
        }
        try await withServer({
            $0.observer = observer
            $0.maxQueuedStreamBytes = 256 << 10
            $0.idleTimeout = .seconds(2)  // then the stalled streams are failed, which frees them
        }, registry: registry, timeout: 60) { server, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            let message = try PingRequest(payload: [UInt8](repeating: 7, count: 64 << 10)).protobufBytes()
            let streams = 100
            var batch: [UInt8] = []
            for index in 0..<streams {
                batch += frameBytes(
                    streamID: UInt32(2 * index + 1), flags: 0x02,
                    payload: try request(service: "test.Service", method: "Hold", payload: message))
            }
            // The send blocks once the server stops reading, and fails when the connection closes.
            let flood = batch
            let sender = Task.detached { try? await socket.send(flood) }
            #expect(await eventually(within: .seconds(30)) { observer.count(.queuedStreamBytes) > 0 })
            try await Self.expectHonestCallsAnswered(port)
            // Before, each stream had a budget of its own: all 6.5 MB were read and held.
            let received = observer.bytesReceived
            #expect(received < 2 << 20, "read \(received) of \(flood.count) bytes")
            #expect(await server.statistics().liveCalls < streams)
            socket.close()
            await sender.value
            #expect(await eventually { await server.statistics().liveCalls == 0 })
        }
    }

    // MARK: Case 6

    @Test("6. open streams without traffic are reclaimed by the stream idle timeout")
    func idleStreamsReclaimed() async throws {
        let observer = LimitObserver()
        try await withServer({
            $0.observer = observer
            $0.streamIdleTimeout = .milliseconds(500)
            // Closes the connection once its streams are reclaimed. Not shorter: under load the
            // server once read only part of the 300 openings before the answered ones left the
            // connection idle for 1 s (80 of 300 answers seen before the close).
            $0.idleTimeout = .seconds(3)
            $0.maxStreamsPerConnection = 1024
        }, registry: Self.registry(CountingAnalyzer()), timeout: 60) { server, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            let streams = 300
            var batch: [UInt8] = []
            for index in 0..<streams { batch += try Self.openStreamFrame(streamID: UInt32(2 * index + 1), nil) }
            try await socket.send(batch)
            let frames = try await socket.receiveFrames(streams, timeout: .seconds(30))
            let statistics = await server.statistics()
            #expect(frames.count == streams, "bounds that acted: \(observer.summary); \(statistics)")
            #expect(try frames.allSatisfy { try Self.status($0)?.code == StatusCode.deadlineExceeded.rawValue })
            #expect(observer.count(.streamIdle) == streams)
            #expect(await socket.isClosedByPeer(within: .seconds(10)), "a connection whose streams were reclaimed stayed open")
            #expect(await server.statistics().liveCalls == 0)
            try await Self.expectHonestCallsAnswered(port)
        }
    }

    @Test("6. open streams count against the per-connection bound whether or not they have traffic")
    func idleStreamsCount() async throws {
        try await withServer({ $0.maxStreamsPerConnection = 8 }, registry: Self.registry(CountingAnalyzer())) { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            var batch: [UInt8] = []
            for index in 0..<9 { batch += try Self.openStreamFrame(streamID: UInt32(2 * index + 1), nil) }
            try await socket.send(batch)
            let frames = try await socket.receiveFrames(1)
            try #require(frames.count == 1)
            #expect(frames[0].header.streamID == 17)
            #expect(try Self.status(frames[0])?.code == StatusCode.resourceExhausted.rawValue)
        }
    }

    @Test("6. open calls count against the server-wide bound, over all connections")
    func serverWideCallBound() async throws {
        let observer = LimitObserver()
        try await withServer({
            $0.observer = observer
            $0.maxCalls = 8
        }, registry: Self.registry(CountingAnalyzer())) { server, port in
            let sockets = try (0..<2).map { _ in try PosixSocket(port: port) }
            defer { sockets.forEach { $0.close() } }
            var batch: [UInt8] = []
            for index in 0..<4 { batch += try Self.openStreamFrame(streamID: UInt32(2 * index + 1), nil) }
            try await sockets[0].send(batch)
            #expect(await eventually { await server.statistics().liveCalls == 4 })
            try await sockets[1].send(batch + (try Self.openStreamFrame(streamID: 9, nil)))
            let frames = try await sockets[1].receiveFrames(1)
            try #require(frames.count == 1)
            #expect(frames[0].header.streamID == 9)
            #expect(try Self.status(frames[0])?.code == StatusCode.resourceExhausted.rawValue)
            #expect(observer.count(.calls) == 1)
        }
    }
}
