import NIOCore
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// The server as seen byte by byte from a raw socket.
@Suite struct WireTests {
    static let echoRegistry = testRegistry { registry in
        registry.synchronousUnary(service: "demo.Echo", method: "Say", execution: .inline) {
            (request: PingRequest, _: CallContext) in
            PingResponse(payload: Array("raw:".utf8) + request.payload)
        }
    }

    @Test func answersTheDesignVectorsExactly() async throws {
        try await withServer(registry: Self.echoRegistry) { _, port in
            let connection = try await RawConnection.connect(port: port)
            defer { Task { await connection.close() } }
            // The Go client's request, header included, byte for byte.
            try await connection.send(
                hex("00000024 00000001 01 00 0a09") + Array("demo.Echo".utf8) + hex("1203") + Array("Say".utf8)
                    + hex("1a04 0a026869 20 fec8bf960b 2a06 0a016b 120176"))
            try await connection.sendFrame(streamID: 3, payload: try request(service: "demo.Echo", method: "Nope"))
            let frames = try await connection.readFrames(2)
            try #require(frames.count == 2)
            var ok = ByteBuffer()
            ok.writeFrameHeader(frames[0].header)
            var payload = frames[0].payload
            ok.writeBuffer(&payload)
            #expect(Array(buffer: ok) == hex("0000000a 00000001 02 00 1208 0a06") + Array("raw:hi".utf8))
            #expect(frames[1].header == FrameHeader(length: 17, streamID: 3, type: .response))
            #expect(Array(buffer: frames[1].payload) == hex("0a0f 080c 120b") + Array("method Nope".utf8))
        }
    }

    @Test func oversizedFrameIsAnsweredAndTheConnectionStaysUsable() async throws {
        try await withServer({ $0.maxFrameBytes = 1024 }) { _, port in
            let connection = try await RawConnection.connect(port: port)
            defer { Task { await connection.close() } }
            let big = try request(service: "quotewire.v1.Server", method: "Ping", payload: Array(repeating: 7, count: 5000))
            try await connection.sendFrame(streamID: 1, payload: big)
            let ping = try PingRequest(payload: [1, 2, 3]).protobufBytes()
            try await connection.sendFrame(
                streamID: 3, payload: try request(service: "quotewire.v1.Server", method: "Ping", payload: ping))
            let frames = try await connection.readFrames(2)
            try #require(frames.count == 2)
            #expect(frames[0].header.streamID == 1)
            #expect(try response(frames[0]).status?.code == StatusCode.resourceExhausted.rawValue)
            #expect(frames[1].header.streamID == 3)
            let answer = try response(frames[1])
            #expect(answer.status == nil)
            #expect(try PingResponse(protobuf: answer.payload).payload == [1, 2, 3])
        }
    }

    @Test func evenStreamIDIsInvalidArgument() async throws {
        try await withServer { _, port in
            let connection = try await RawConnection.connect(port: port)
            defer { Task { await connection.close() } }
            try await connection.sendFrame(
                streamID: 2, payload: try request(service: "quotewire.v1.Server", method: "Ping"))
            let frames = try await connection.readFrames(1)
            try #require(frames.count == 1)
            #expect(frames[0].header.streamID == 2)
            #expect(try response(frames[0]).status?.code == StatusCode.invalidArgument.rawValue)
        }
    }

    @Test func deadlineIsAnsweredWhenItPassesNotWhenTheHandlerFinishes() async throws {
        try await withServer { _, port in
            let connection = try await RawConnection.connect(port: port)
            defer { Task { await connection.close() } }
            let sleep60s = try PingRequest(payload: [0xEA, 0x60]).protobufBytes()  // 60 s
            let start = ContinuousClock.now
            try await connection.sendFrame(
                streamID: 1,
                payload: try request(
                    service: "test.Service", method: "Sleep", payload: sleep60s, timeoutNano: 200_000_000))
            let frames = try await connection.readFrames(1)
            let elapsed = ContinuousClock.now - start
            try #require(frames.count == 1)
            let status = try #require(try response(frames[0]).status)
            #expect(status.code == StatusCode.deadlineExceeded.rawValue)
            #expect(elapsed >= .milliseconds(190))
            #expect(elapsed < .seconds(30), "answered when the handler finished, not at the deadline")
        }
    }

    @Test func undecodableEnvelopeIsInvalidArgumentNamingTheField() async throws {
        try await withServer { _, port in
            let connection = try await RawConnection.connect(port: port)
            defer { Task { await connection.close() } }
            // ttrpc.Request with service = "\xff".
            try await connection.sendFrame(streamID: 1, payload: [0x0a, 0x01, 0xff, 0x12, 0x01, 0x41])
            try await connection.sendFrame(streamID: 3, payload: [0xff, 0xff, 0xff])
            let frames = try await connection.readFrames(2)
            try #require(frames.count == 2)
            let first = try #require(try response(frames[0]).status)
            #expect(first.code == StatusCode.invalidArgument.rawValue)
            #expect(first.message.contains("service"))
            #expect(try response(frames[1]).status?.code == StatusCode.invalidArgument.rawValue)
        }
    }

    @Test func survivesGarbageFrames() async throws {
        try await withServer({ $0.maxFrameBytes = 4096 }) { _, port in
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<5 {
                let connection = try await RawConnection.connect(port: port)
                var bytes: [UInt8] = []
                for _ in 0..<200 {
                    let length = Int.random(in: 0..<64, using: &generator)
                    let payload = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                    var header = ByteBuffer()
                    header.writeMultipleIntegers(
                        UInt32(length), UInt32.random(in: 0...9, using: &generator),
                        UInt8.random(in: 0...4, using: &generator), UInt8.random(in: 0...7, using: &generator))
                    bytes += Array(buffer: header) + payload
                }
                try await connection.send(bytes)
                await connection.close()
            }
            try await withClient("127.0.0.1:\(port)") { client in
                let echoed = try await client.ping([42])
                #expect(echoed == [42])
            }
        }
    }

    @Test func idleTimeoutClosesASilentConnection() async throws {
        try await withServer({ $0.idleTimeout = .milliseconds(200) }) { _, port in
            let connection = try await RawConnection.connect(port: port)
            defer { Task { await connection.close() } }
            let start = ContinuousClock.now
            let frames = try await connection.readUntilClosed()
            #expect(frames.isEmpty)
            #expect(ContinuousClock.now - start < .seconds(10))
        }
    }

    @Test func connectionsBeyondTheLimitAreClosed() async throws {
        try await withServer({ $0.maxConnections = 1 }) { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                _ = try await client.ping([1])
                let second = try await RawConnection.connect(port: port)
                defer { Task { await second.close() } }
                let frames = try await second.readUntilClosed()
                #expect(frames.isEmpty)
                let value1 = try await client.ping([2])
                #expect(value1 == [2])
            }
        }
    }
}
