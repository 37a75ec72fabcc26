import NIOCore
import QuotewireModel
import Synchronization
import Testing

@testable import QuotewireRPC

/// End-to-end behaviour of the server through the client, on real sockets.
@Suite struct TTRPCServerTests {
    @Test func thousandConcurrentCallsOverOneConnection() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    for index in 0..<1000 {
                        group.addTask {
                            let payload = Array("call-\(index)".utf8)
                            return try await client.ping(payload) == payload
                        }
                    }
                    var correct = 0
                    for try await ok in group where ok { correct += 1 }
                    #expect(correct == 1000)
                }
            }
        }
    }

    @Test func callsCompleteOutOfOrder() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let order = Locked<[String]>([])
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        _ = try await client.unary(
                            service: "test.Service", method: "Sleep", request: PingRequest(payload: [0x0B, 0xB8]),
                            responseType: PingResponse.self)  // 3 s
                        order.withLock { $0.append("slow") }
                    }
                    try await Task.sleep(for: .milliseconds(50))
                    group.addTask {
                        _ = try await client.unary(
                            service: "test.Service", method: "Sleep", request: PingRequest(payload: [0x00, 0x0A]),
                            responseType: PingResponse.self)  // 10 ms
                        order.withLock { $0.append("fast") }
                    }
                    try await group.waitForAll()
                }
                #expect(order.withLock { $0 } == ["fast", "slow"])
            }
        }
    }

    @Test func unknownServiceAndMethodAreUnimplemented() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let noService = await #expect(throws: RPCError.self) {
                    try await client.unary(service: "no.Such", method: "Thing", payload: [])
                }
                #expect(noService == RPCError(code: .unimplemented, message: "service no.Such"))
                let noMethod = await #expect(throws: RPCError.self) {
                    try await client.unary(service: "quotewire.v1.Server", method: "Nope", payload: [])
                }
                #expect(noMethod == RPCError(code: .unimplemented, message: "method Nope"))
            }
        }
    }

    @Test func clientDeadlineIsEnforcedAndSent() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let start = ContinuousClock.now
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(
                        service: "test.Service", method: "Sleep", request: PingRequest(payload: [0xEA, 0x60]),  // 60 s
                        responseType: PingResponse.self, options: CallOptions(timeout: .milliseconds(150)))
                }
                #expect(error?.code == .deadlineExceeded)
                #expect(ContinuousClock.now - start < .seconds(30), "answered when the handler finished, not at the deadline")
                // The deadline reached the handler too.
                let echoed = try await client.unary(
                    service: "test.Service", method: "Metadata", request: PingRequest(payload: Array("k".utf8)),
                    responseType: PingResponse.self, options: CallOptions(timeout: .seconds(5)))
                #expect(String(decoding: echoed.payload, as: UTF8.self) == "<none>;deadline")
            }
        }
    }

    @Test func metadataReachesTheHandlerWithLowerCasedKeys() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let response = try await client.unary(
                    service: "test.Service", method: "Metadata", request: PingRequest(payload: Array("x-request-id".utf8)),
                    responseType: PingResponse.self,
                    options: CallOptions(metadata: [KeyValue(key: "X-Request-ID", value: "abc-123")]))
                #expect(String(decoding: response.payload, as: UTF8.self) == "abc-123")
            }
        }
    }

    @Test func handlerErrorsBecomeTheirStatus() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(
                        service: "test.Service", method: "Fail", request: PingRequest(payload: [9]),
                        responseType: PingResponse.self)
                }
                #expect(error == RPCError(code: .failedPrecondition, message: "failed on purpose"))
                let analyze = await #expect(throws: RPCError.self) {
                    try await client.analyze(AnalyzeRequest())
                }
                #expect(analyze?.code == .invalidArgument)
                #expect(analyze?.message == AnalyzeError.missingArticle.description)
            }
        }
    }

    @Test(
        "Invalid UTF-8 and NUL in a request are INVALID_ARGUMENT naming the field",
        arguments: [[UInt8(0xff)], [UInt8(0x00)]])
    func invalidStringsNameTheField(bad: [UInt8]) async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                // AnalyzeRequest { article { body = bad } }
                let payload: [UInt8] = [0x0a, UInt8(2 + bad.count), 0x2a, UInt8(bad.count)] + bad
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(service: "quotewire.v1.Analyzer", method: "Analyze", payload: payload)
                }
                #expect(error?.code == .invalidArgument)
                #expect(error?.message.contains("article.body") == true)
            }
        }
    }

    @Test func analyzeRoundTripsThroughTheAnalyzer() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let small = AnalyzeRequest(article: Article(id: "a1", body: "\"Hi,\" she said."))
                let smallResponse = try await client.analyze(small)
                #expect(smallResponse.articleID == "a1")
                // Large enough to be offloaded to the thread pool.
                let large = AnalyzeRequest(article: Article(id: "a2", body: String(repeating: "word ", count: 10_000)))
                let largeResponse = try await client.analyze(large)
                #expect(largeResponse.articleID == "a2")
            }
        }
    }

    @Test func maxStreamsPerConnectionIsResourceExhausted() async throws {
        final class StartCounter: ServerObserver {
            let started = Locked<Int>(0)
            // Sleep calls only: the client's keepalive Ping, sent when a loaded machine delays the
            // answers, counts as a call too.
            func callStarted(_ method: MethodDescriptor) {
                if method.method == "Sleep" { self.started.withLock { $0 += 1 } }
            }
        }
        let counter = StartCounter()
        try await withServer({
            $0.maxStreamsPerConnection = 2
            $0.observer = counter
        }) { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let slow = PingRequest(payload: [0x07, 0xD0])  // 2 s
                async let first = client.unary(
                    service: "test.Service", method: "Sleep", request: slow, responseType: PingResponse.self)
                async let second = client.unary(
                    service: "test.Service", method: "Sleep", request: slow, responseType: PingResponse.self)
                // Wait until the server runs both slow calls, then a third is refused.
                #expect(await eventually(within: .seconds(30)) { counter.started.withLock { $0 } == 2 })
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(
                        service: "test.Service", method: "Sleep", request: slow, responseType: PingResponse.self)
                }
                #expect(error?.code == .resourceExhausted)
                _ = try await (first, second)
            }
        }
    }

    @Test func streamsInBothDirections() async throws {
        let registry = testRegistry { registry in
            registry.bidirectionalStreaming(service: "test.Stream", method: "Echo") {
                (requests: RequestStream<PingRequest>, responses: ResponseWriter<PingResponse>, _: CallContext) in
                for try await request in requests { try await responses.write(PingResponse(payload: request.payload)) }
            }
            registry.clientStreaming(service: "test.Stream", method: "Count") {
                (requests: RequestStream<PingRequest>, _: CallContext) -> PingResponse in
                var total = 0
                for try await request in requests { total += request.payload.count }
                return PingResponse(payload: [UInt8(total)])
            }
            registry.serverStreaming(service: "test.Stream", method: "Repeat") {
                (request: PingRequest, responses: ResponseWriter<PingResponse>, _: CallContext) in
                for index in 0..<Int(request.payload.first ?? 0) { try await responses.write(PingResponse(payload: [UInt8(index)])) }
            }
        }
        try await withServer(registry: registry) { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let requests = (0..<20).map { PingRequest(payload: [UInt8($0)]) }
                var echoed: [[UInt8]] = []
                for try await response in client.streaming(
                    service: "test.Stream", method: "Echo", requests: requests.async, responseType: PingResponse.self)
                {
                    echoed.append(response.payload)
                }
                #expect(echoed == (0..<20).map { [UInt8($0)] })

                var counted: [[UInt8]] = []
                for try await response in client.streaming(
                    service: "test.Stream", method: "Count", requests: requests.async, responseType: PingResponse.self)
                {
                    counted.append(response.payload)
                }
                #expect(counted == [[20]])

                var repeated = 0
                for try await _ in client.streaming(
                    service: "test.Stream", method: "Repeat", requests: [PingRequest(payload: [5])].async,
                    responseType: PingResponse.self)
                {
                    repeated += 1
                }
                #expect(repeated == 5)

                let articles = (0..<3).map { AnalyzeRequest(article: Article(id: "s\($0)", body: "text")) }
                var ids: [String] = []
                for try await response in client.analyzeStream(articles.async) { ids.append(response.articleID) }
                #expect(ids == ["s0", "s1", "s2"])
            }
        }
    }

    @Test func gracefulShutdownAnswersEveryInFlightCall() async throws {
        let started = Locked(0)
        let registry = testRegistry { registry in
            registry.unary(service: "test.Service", method: "Hold") { (request: PingRequest, _: CallContext) in
                started.withLock { $0 += 1 }
                try await Task.sleep(for: .milliseconds(400))
                return PingResponse(payload: request.payload)
            }
        }
        var configuration = ServerConfiguration(
            bindTargets: [.tcp(host: "127.0.0.1", port: 0)], shutdownGrace: .seconds(5), threads: 2)
        configuration.version = "test"
        let server = TTRPCServer(configuration: configuration, services: registry)
        try await serving(server) { port in try await withTimeout(20) {
            try await withClient("127.0.0.1:\(port)") { client in
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    for index in 0..<100 {
                        group.addTask {
                            let payload = [UInt8(index)]
                            let response = try await client.unary(
                                service: "test.Service", method: "Hold", request: PingRequest(payload: payload),
                                responseType: PingResponse.self, options: CallOptions(isIdempotent: false))
                            return response.payload == payload
                        }
                    }
                    while started.withLock({ $0 }) < 100 { try await Task.sleep(for: .milliseconds(5)) }
                    server.initiateGracefulShutdown()
                    let value1 = try await client.checkHealth(options: CallOptions())
                    #expect(value1 == .notServing)
                    var answered = 0
                    for try await ok in group where ok { answered += 1 }
                    #expect(answered == 100)
                }
            }
            await server.waitUntilShutdown()
        } }
    }

    @Test func callsStillRunningAfterTheGraceAreAnsweredUnavailable() async throws {
        var configuration = ServerConfiguration(
            bindTargets: [.tcp(host: "127.0.0.1", port: 0)], shutdownGrace: .milliseconds(200), threads: 1)
        configuration.version = "test"
        let server = TTRPCServer(configuration: configuration, services: testRegistry())
        try await serving(server) { port in try await withTimeout(10) {
            try await withClient("127.0.0.1:\(port)") { client in
                let slow = Task {
                    try await client.unary(
                        service: "test.Service", method: "Sleep", request: PingRequest(payload: [0xEA, 0x60]),  // 60 s
                        responseType: PingResponse.self)
                }
                try await Task.sleep(for: .milliseconds(100))
                server.initiateGracefulShutdown()
                let error = await #expect(throws: RPCError.self) { try await slow.value }
                #expect(error?.code == .unavailable)
            }
            await server.waitUntilShutdown()
        } }
    }

    @Test func healthReportsServingAndUnknownServices() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let value2 = try await client.checkHealth()
                #expect(value2 == .serving)
                let value3 = try await client.checkHealth(service: "quotewire.v1.Analyzer")
                #expect(value3 == .serving)
                let value4 = try await client.checkHealth(service: "no.Such")
                #expect(value4 == .serviceUnknown)
            }
        }
    }

    @Test func infoListsVersionServicesAndLimits() async throws {
        try await withServer({ $0.maxFrameBytes = 12345 }) { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let info = try await client.info()
                #expect(info.version == "test")
                #expect(info.limits?.maxFrameBytes == 12345)
                let analyzer = info.services.first { $0.name == "quotewire.v1.Analyzer" }
                #expect(analyzer?.methods == ["Analyze", "AnalyzeStream"])
                #expect(info.services.contains { $0.name == "grpc.health.v1.Health" && $0.methods == ["Check"] })
                #expect(info.services.contains { $0.name == "quotewire.v1.Server" && $0.methods == ["Ping", "Info"] })
            }
        }
    }

    @Test func authorizerChecksCallsButNotHealth() async throws {
        let authorize: ServerConfiguration.Authorizer = { context in
            guard context.metadata["authorization"] == "Bearer secret" else {
                throw RPCError(code: .unauthenticated, message: "missing or wrong bearer token")
            }
        }
        try await withServer({ $0.authorizer = authorize }) { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let error = await #expect(throws: RPCError.self) { try await client.ping() }
                #expect(error?.code == .unauthenticated)
                let token = CallOptions(metadata: [KeyValue(key: "Authorization", value: "Bearer secret")])
                let echoed = try await client.ping([1], options: token)
                #expect(echoed == [1])
                let health = try await client.checkHealth()
                #expect(health == .serving)
            }
        }
    }

    @Test func servesOverAUnixSocket() async throws {
        let path = "/tmp/quotewire-test-\(UInt32.random(in: 0...UInt32.max)).sock"
        try await withServer({ $0.bindTargets = [.unix(path: path)] }) { _, _ in
            try await withClient("unix:\(path)") { client in
                let value5 = try await client.ping([4, 2])
                #expect(value5 == [4, 2])
            }
        }
    }

    @Test func observerSeesCallsAndConnections() async throws {
        final class Recorder: ServerObserver {
            let events = Locked<[String]>([])
            func connectionOpened(peer: SocketAddress?) { self.events.withLock { $0.append("open") } }
            func callFinished(_ method: MethodDescriptor, code: StatusCode, duration: Duration) {
                self.events.withLock { $0.append("\(method) \(code)") }
            }
        }
        let recorder = Recorder()
        try await withServer({ $0.observer = recorder }) { _, port in
            // No keepalive: on a busy machine a pause between the calls would add its Health probe.
            try await withClient("127.0.0.1:\(port)", configure: { $0.keepalive = nil }) { client in
                _ = try await client.ping()
                _ = try? await client.unary(service: "x.Y", method: "Z", payload: [])
            }
        }
        #expect(recorder.events.withLock { $0 } == ["open", "quotewire.v1.Server/Ping OK", "unknown/unknown UNIMPLEMENTED"])
    }
}

extension TTRPCServerTests {
    @Test func pingEchoesNonCanonicalRequestsToo() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                // payload "a", then an unknown field 9 (varint 1), then payload "bc" (last one wins).
                let request: [UInt8] = [0x0a, 0x01, 0x61, 0x48, 0x01, 0x0a, 0x02, 0x62, 0x63]
                let bytes = try await client.unary(service: "quotewire.v1.Server", method: "Ping", payload: request)
                #expect(try PingResponse(protobuf: bytes).payload == Array("bc".utf8))
                let empty = try await client.ping([])
                #expect(empty == [])
            }
        }
    }
}
