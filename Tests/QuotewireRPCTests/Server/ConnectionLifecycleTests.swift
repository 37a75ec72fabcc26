import NIOCore
import NIOEmbedded
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// The connection's phases and each call's end, driven on an `EmbeddedChannel`
/// whose clock only moves with `advanceTime`: deadline, stream idle, idle,
/// authentication, drain and force-close, without waiting on a real clock.
@Suite struct ConnectionLifecycleTests {
    /// A server connection on a testing channel whose clock the test advances; `body` runs, then the
    /// server's threads are released. (`NIOAsyncTestingChannel`, not `EmbeddedChannel`: async handlers
    /// finish on other threads, and an embedded loop must only ever be touched from one.)
    static func withConnection(
        _ configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: (NIOAsyncTestingChannel) async throws -> Void
    ) async throws {
        var configuration = ServerConfiguration(bindTargets: [], threads: 1, version: "test")
        configure(&configuration)
        let server = TTRPCServer(configuration: configuration, services: testRegistry())
        let channel = NIOAsyncTestingChannel()
        try await channel.testingEventLoop.executeInContext { server.initializeConnection(channel) }.get()
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1))
        // The server's run (no listeners here) runs the connection's async handlers.
        try await serving(server) { _ in
            do {
                try await body(channel)
            } catch {
                _ = try? await channel.finish(acceptAlreadyClosed: true)
                throw error
            }
            _ = try? await channel.finish(acceptAlreadyClosed: true)
        }
    }

    static func send(_ channel: NIOAsyncTestingChannel, _ bytes: [UInt8]) async throws {
        try await channel.writeInbound(channel.allocator.buffer(bytes: bytes))
    }

    /// Fires a user event through the pipeline on the channel's loop.
    static func fire(_ channel: NIOAsyncTestingChannel, _ event: any Sendable) async throws {
        try await channel.testingEventLoop.executeInContext { channel.pipeline.fireUserInboundEventTriggered(event) }
    }

    /// The frames written so far: stream id, type and status code (0 for OK or data).
    static func written(_ channel: NIOAsyncTestingChannel) async throws -> [(streamID: UInt32, type: UInt8, code: Int32)] {
        var frames: [(streamID: UInt32, type: UInt8, code: Int32)] = []
        while var buffer = try await channel.readOutbound(as: ByteBuffer.self) {
            while let (length, streamID, type, _) = buffer.readMultipleIntegers(as: (UInt32, UInt32, UInt8, UInt8).self),
                let payload = buffer.readBytes(length: Int(length))
            {
                let code = type == 2 ? (try TTRPCResponse(protobuf: payload).status?.code ?? 0) : 0
                frames.append((streamID, type, code))
            }
        }
        return frames
    }

    static func sleepRequest(streamID: UInt32, millis: Int, timeoutNano: Int64 = 0) throws -> [UInt8] {
        let payload = try PingRequest(payload: [UInt8(millis >> 8), UInt8(millis & 0xFF)]).protobufBytes()
        return frameBytes(
            streamID: streamID,
            payload: try request(service: "test.Service", method: "Sleep", payload: payload, timeoutNano: timeoutNano))
    }

    static func openStream(streamID: UInt32) throws -> [UInt8] {
        frameBytes(streamID: streamID, flags: 0x02, payload: try request(service: AnalyzerService.name, method: "AnalyzeStream"))
    }

    @Test func phaseTransitionsOnlyGoForward() {
        let deadline = NIODeadline.uptimeNanoseconds(1_000)
        let authenticating = ConnectionPhase.authenticating(deadline: deadline)
        #expect(authenticating.authenticated() == .serving)
        #expect(authenticating.draining() == .draining)
        #expect(ConnectionPhase.serving.authenticated() == .serving)
        #expect(ConnectionPhase.draining.authenticated() == .draining)
        #expect(ConnectionPhase.closing.draining() == .closing)
        #expect(authenticating.authenticationExpired(at: .uptimeNanoseconds(999)) == false)
        #expect(authenticating.authenticationExpired(at: deadline))
        #expect(ConnectionPhase.authenticating(deadline: nil).authenticationExpired(at: .distantFuture) == false)
        #expect(!ConnectionPhase.serving.refusesCalls)
        #expect(ConnectionPhase.draining.refusesCalls)
        #expect(ConnectionPhase.closing.refusesCalls)
    }

    @Test func aCallIsAnsweredAtItsDeadline() async throws {
        try await Self.withConnection { channel in
            try await Self.send(channel, try Self.sleepRequest(streamID: 1, millis: 60_000, timeoutNano: 1_000_000_000))
            await channel.testingEventLoop.advanceTime(by: .milliseconds(999))
            #expect(try await Self.written(channel).isEmpty)
            await channel.testingEventLoop.advanceTime(by: .milliseconds(1))
            let frames = try await Self.written(channel)
            #expect(frames.map(\.streamID) == [1])
            #expect(frames.map(\.code) == [StatusCode.deadlineExceeded.rawValue])
        }
    }

    @Test func aSilentConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await Self.withConnection({ $0.idleTimeout = .seconds(10) }) { channel in
            await channel.testingEventLoop.advanceTime(by: .seconds(9))
            #expect(channel.isActive)
            await channel.testingEventLoop.advanceTime(by: .seconds(4))  // the check runs every 2.5 s
            #expect(!channel.isActive)
        }
    }

    @Test func anIdleStreamIsAnsweredAndFreed() async throws {
        try await Self.withConnection({
            $0.streamIdleTimeout = .seconds(5)
            $0.idleTimeout = .seconds(100)
        }) { channel in
            try await Self.send(channel, try Self.openStream(streamID: 1))
            await channel.testingEventLoop.advanceTime(by: .seconds(4))
            #expect(try await Self.written(channel).isEmpty)
            await channel.testingEventLoop.advanceTime(by: .seconds(2))  // the check runs every 1.25 s
            let frames = try await Self.written(channel)
            #expect(frames.map(\.code) == [StatusCode.deadlineExceeded.rawValue])
            #expect(channel.isActive)
        }
    }

    @Test func aConnectionWithoutAValidTokenIsClosedWhateverItSends() async throws {
        try await Self.withConnection({
            $0.idleTimeout = .seconds(10)
            $0.authorizer = BearerTokenAuthorizer(tokens: ["s3cret"]).authorizer
        }) { channel in
            for _ in 0..<4 {  // an ignored frame every 2 s kept it open
                try await Self.send(channel, frameBytes(streamID: 1, type: 0x07, payload: [1]))
                await channel.testingEventLoop.advanceTime(by: .seconds(2))
            }
            #expect(channel.isActive)
            for _ in 0..<3 {
                try await Self.send(channel, frameBytes(streamID: 1, type: 0x07, payload: [1]))
                await channel.testingEventLoop.advanceTime(by: .seconds(2))
            }
            #expect(!channel.isActive)
        }
    }

    @Test func aValidTokenKeepsTheConnection() async throws {
        try await Self.withConnection({
            $0.idleTimeout = .seconds(10)
            $0.authorizer = BearerTokenAuthorizer(tokens: ["s3cret"]).authorizer
        }) { channel in
            let ping = try request(
                service: "quotewire.v1.Server", method: "Ping", payload: PingRequest().protobufBytes(),
                metadata: [KeyValue(key: "authorization", value: "Bearer s3cret")])
            for step in 0..<7 {
                try await Self.send(channel, frameBytes(streamID: UInt32(2 * step + 1), payload: ping))
                await channel.testingEventLoop.advanceTime(by: .seconds(2))
            }
            #expect(channel.isActive)
            #expect(try await Self.written(channel).allSatisfy { $0.code == 0 })
        }
    }

    @Test func drainingRefusesNewCallsAndClosesOnceTheCallsAreAnswered() async throws {
        try await Self.withConnection { channel in
            try await Self.send(channel, try Self.openStream(streamID: 1))
            try await Self.fire(channel, ChannelShouldQuiesceEvent())
            try await Self.send(channel, try Self.sleepRequest(streamID: 3, millis: 1))
            #expect(try await Self.written(channel).map(\.code) == [StatusCode.unavailable.rawValue])
            #expect(channel.isActive, "closed with a stream open")
            try await Self.fire(channel, ForceCloseEvent())
            let frames = try await Self.written(channel)
            #expect(frames.map(\.streamID) == [1])
            #expect(frames.map(\.code) == [StatusCode.unavailable.rawValue])
            #expect(!channel.isActive)
        }
    }
}
