import Foundation
import NIOCore
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// One bad client per test, over a real socket; afterwards a well-behaved
/// client on another connection must still get correct answers, and the
/// server must hold nothing for the bad one.
@Suite("Bad clients", .serialized)
struct BadClientTests {
    /// The well-behaved client: Ping echoes, Analyze answers for the article.
    static func expectHealthy(_ port: Int) async throws {
        try await withClient("127.0.0.1:\(port)") { client in
            let echoed = try await client.ping(Array("still here".utf8), options: CallOptions(timeout: .seconds(5)))
            #expect(echoed == Array("still here".utf8))
            let response = try await client.analyze(
                AnalyzeRequest(article: Article(id: "good", body: "\"Fine,\" she said.")),
                options: CallOptions(timeout: .seconds(5)))
            #expect(response.articleID == "good")
        }
    }

    static func pingFrame(streamID: UInt32, payload: [UInt8] = []) throws -> [UInt8] {
        frameBytes(
            streamID: streamID,
            payload: try request(
                service: "quotewire.v1.Server", method: "Ping", payload: PingRequest(payload: payload).protobufBytes()))
    }

    static func analyzeFrame(streamID: UInt32, payload: [UInt8]) throws -> [UInt8] {
        frameBytes(
            streamID: streamID, payload: try request(service: AnalyzerService.name, method: "Analyze", payload: payload))
    }

    /// A status code of a Response frame.
    static func code(_ frame: (header: FrameHeader, payload: [UInt8])) throws -> StatusCode {
        StatusCode(rawValue: try TTRPCResponse(protobuf: frame.payload).status?.code ?? 0)
    }

    @Test("garbage bytes do not hurt other connections")
    func garbageBytes() async throws {
        try await withServer { server, port in
            var generator = SystemRandomNumberGenerator()
            let socket = try PosixSocket(port: port)
            for _ in 0..<16 {
                try? await socket.send((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
            }
            try await Self.expectHealthy(port)
            socket.close()
            #expect(await eventually { await server.statistics().openConnections == 0 })
        }
    }

    @Test("a header announcing 4 GiB is answered RESOURCE_EXHAUSTED without buffering")
    func fourGiBHeader() async throws {
        let observer = CountingObserver()
        try await withServer({ $0.observer = observer }) { server, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            try await socket.send([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1, 1, 0] + [UInt8](repeating: 0x41, count: 100_000))
            let frames = try await socket.receiveFrames(1)
            try #require(frames.count == 1)
            #expect(frames[0].header.streamID == 1)
            #expect(try Self.code(frames[0]) == .resourceExhausted)
            try await Self.expectHealthy(port)
            #expect(await server.statistics().liveCalls == 0)
        }
    }

    @Test("a truncated header then close", arguments: [1, 5, 9])
    func truncatedHeader(bytes: Int) async throws {
        try await withServer { server, port in
            let socket = try PosixSocket(port: port)
            try await socket.send(Array(try Self.pingFrame(streamID: 1).prefix(bytes)))
            socket.close()
            try await Self.expectHealthy(port)
            #expect(await eventually { await server.statistics().openConnections == 0 })
        }
    }

    @Test("a truncated body then close")
    func truncatedBody() async throws {
        try await withServer { server, port in
            let socket = try PosixSocket(port: port)
            let frame = try Self.pingFrame(streamID: 1, payload: [UInt8](repeating: 7, count: 100))
            try await socket.send(Array(frame.prefix(frame.count / 2)))
            socket.close()
            try await Self.expectHealthy(port)
            #expect(await eventually { await server.statistics().openConnections == 0 })
        }
    }

    @Test("slowloris: a client trickling bytes is closed by the idle timeout")
    func slowloris() async throws {
        try await withServer({ $0.idleTimeout = .seconds(1) }) { server, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            let frame = try Self.pingFrame(streamID: 1, payload: [UInt8](repeating: 7, count: 200))
            let started = ContinuousClock.now
            var closed = false
            for byte in frame {
                if (try? await socket.send([byte])) == nil { closed = true; break }
                if await socket.isClosedByPeer(within: .milliseconds(300)) { closed = true; break }
                if ContinuousClock.now - started > .seconds(8) { break }
            }
            #expect(closed, "the server kept a connection that never completed a frame")
            #expect(ContinuousClock.now - started < .seconds(5))
            try await Self.expectHealthy(port)
        }
    }

    @Test("10,000 calls without reading: the server stops reading and buffers a bounded amount")
    func neverReadsResponses() async throws {
        let observer = CountingObserver()
        try await withServer({ $0.observer = observer }, timeout: 60) { server, port in
            let socket = try PosixSocket(port: port, receiveBuffer: 4096)
            let calls = 10_000
            let payload = [UInt8](repeating: 0x5A, count: 4000)
            var batch: [UInt8] = []
            for index in 0..<calls { batch += try Self.pingFrame(streamID: UInt32(2 * index + 1), payload: payload) }
            let sent = Locked(false)
            let sender = Task.detached {
                try? await socket.send(batch)
                sent.withLock { $0 = true }
            }
            // ~40 MB of responses: far more than the socket buffers hold.
            try await Task.sleep(for: .seconds(2))
            let statistics = await server.statistics()
            #expect(!sent.withLock { $0 }, "every request was read although no response was")
            #expect(statistics.bufferedOutboundBytes < 4 << 20, "buffered \(statistics.bufferedOutboundBytes) bytes")
            #expect(observer.bytesReceived < 16 << 20, "read \(observer.bytesReceived) bytes of requests")
            try await Self.expectHealthy(port)

            // Reading again lets the server finish every call, in order.
            let frames = try await socket.receiveFrames(calls, timeout: .seconds(20))
            await sender.value
            #expect(frames.count == calls)
            #expect(frames.last?.header.streamID == UInt32(2 * calls - 1))
            #expect(frames.allSatisfy { $0.payload.count > payload.count })
            socket.close()
            #expect(await eventually { await server.statistics() == ServerStatistics(
                openConnections: 0, liveCalls: 0, runningTasks: 0, bufferedOutboundBytes: 0) })
        }
    }

    @Test("a stream sent faster than its handler consumes pauses reading")
    func streamFloodIsBounded() async throws {
        let observer = CountingObserver()
        let registry = testRegistry { registry in
            registry.clientStreaming(service: "test.Service", method: "Stall") {
                (_: RequestStream<PingRequest>, _: CallContext) async throws -> PingResponse in
                try await Task.sleep(for: .seconds(60))
                return PingResponse()
            }
        }
        try await withServer({
            $0.observer = observer
            $0.maxQueuedStreamBytes = 256 << 10
            $0.idleTimeout = .seconds(4)  // then the stalled stream is failed, freeing it
        }, registry: registry) {
            server, port in
            let socket = try PosixSocket(port: port)
            let open = frameBytes(
                streamID: 1, flags: 0x02, payload: try request(service: "test.Service", method: "Stall"))
            let message = try PingRequest(payload: [UInt8](repeating: 1, count: 8000)).protobufBytes()
            var flood = open
            for _ in 0..<5000 { flood += frameBytes(streamID: 1, type: 3, payload: message) }
            let sender = Task.detached { try? await socket.send(flood) }
            try await Task.sleep(for: .seconds(1.5))
            #expect(observer.bytesReceived < 8 << 20, "read \(observer.bytesReceived) of 40 MB streamed")
            try await Self.expectHealthy(port)
            socket.close()
            await sender.value
            #expect(await eventually { await server.statistics().liveCalls == 0 })
            #expect(await eventually { await server.statistics().runningTasks == 0 })
        }
    }

    @Test("an invalid protobuf payload is INVALID_ARGUMENT")
    func invalidProtobuf() async throws {
        try await withServer { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            try await socket.send(try Self.analyzeFrame(streamID: 1, payload: [0x0A, 0xFF, 0xFF, 0xFF, 0x0F, 0x01]))
            try await socket.send(frameBytes(streamID: 3, payload: [0x0A, 0x05, 0x61]))  // a truncated ttrpc Request
            let frames = try await socket.receiveFrames(2)
            try #require(frames.count == 2)
            #expect(try frames.map(Self.code) == [.invalidArgument, .invalidArgument])
            try await Self.expectHealthy(port)
        }
    }

    @Test("invalid UTF-8 or U+0000 in the body is INVALID_ARGUMENT", arguments: [[0xFF, 0xFE], [0x61, 0x00, 0x62]])
    func invalidText(body: [UInt8]) async throws {
        try await withServer { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            let article: [UInt8] = [0x0A, 0x01, 0x61, 0x2A, UInt8(body.count)] + body
            let analyze: [UInt8] = [0x0A, UInt8(article.count)] + article
            try await socket.send(try Self.analyzeFrame(streamID: 1, payload: analyze))
            let frames = try await socket.receiveFrames(1)
            try #require(frames.count == 1)
            #expect(try Self.code(frames[0]) == .invalidArgument)
            let message = try TTRPCResponse(protobuf: frames[0].payload).status?.message ?? ""
            #expect(message.contains("body"))
            try await Self.expectHealthy(port)
        }
    }

    @Test("an unknown frame type is ignored and the connection stays usable")
    func unknownFrameType() async throws {
        try await withServer { _, port in
            let socket = try PosixSocket(port: port)
            defer { socket.close() }
            try await socket.send(frameBytes(streamID: 1, type: 0x07, payload: [1, 2, 3]))
            try await socket.send(frameBytes(streamID: 3, type: 0x02, payload: []))
            try await socket.send(try Self.pingFrame(streamID: 5, payload: [9]))
            let frames = try await socket.receiveFrames(1)
            try #require(frames.count == 1)
            #expect(frames[0].header.streamID == 5)
            #expect(try Self.code(frames[0]) == .ok)
            try await Self.expectHealthy(port)
        }
    }

    @Test("connections beyond --max-connections are refused; the others keep working")
    func tooManyConnections() async throws {
        try await withServer({ $0.maxConnections = 4 }) { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                _ = try await client.ping()  // the good client holds one of the 4
                let held = try (0..<3).map { _ in try PosixSocket(port: port) }
                defer { held.forEach { $0.close() } }
                try await held[0].send(try Self.pingFrame(streamID: 1))
                #expect(try await held[0].receiveFrames(1).count == 1)
                let extra = try PosixSocket(port: port)
                defer { extra.close() }
                #expect(await extra.isClosedByPeer(within: .seconds(5)), "the fifth connection was not refused")
                #expect(try await client.ping([1]) == [1])
                try await held[2].send(try Self.pingFrame(streamID: 1))
                #expect(try await held[2].receiveFrames(1).count == 1)
            }
        }
    }

    @Test("10,000 calls abandoned by disconnecting clients are all freed")
    func disconnectMidCall() async throws {
        let observer = CountingObserver()
        try await withServer({ $0.observer = observer }, timeout: 60) { server, port in
            let tenSeconds = try PingRequest(payload: [0x27, 0x10]).protobufBytes()
            let sleep = try request(service: "test.Service", method: "Sleep", payload: tenSeconds)
            for _ in 0..<100 {
                let socket = try PosixSocket(port: port)
                var batch: [UInt8] = []
                for index in 0..<100 { batch += frameBytes(streamID: UInt32(2 * index + 1), payload: sleep) }
                try await socket.send(batch)
                socket.close()
            }
            #expect(await eventually(within: .seconds(20)) { observer.callsStarted == 10_000 })
            #expect(await eventually(within: .seconds(20)) {
                await server.statistics() == ServerStatistics(
                    openConnections: 0, liveCalls: 0, runningTasks: 0, bufferedOutboundBytes: 0)
            })
            #expect(observer.callsFinished == observer.callsStarted)
            try await Self.expectHealthy(port)
        }
    }
}
