import NIOCore
import NIOConcurrencyHelpers
import NIOPosix
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// Thrown when a test step outlives its time bound.
struct TimedOut: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "timed out after \(seconds) s" }
}

/// Runs `body`, failing with ``TimedOut`` after `seconds`: no test may hang.
func withTimeout<T: Sendable>(
    _ seconds: Double, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
            throw TimedOut(seconds: seconds)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// An analyzer that echoes the article id, and fails without an article.
struct FakeAnalyzer: ArticleAnalyzing {
    func analyze(_ request: AnalyzeRequest) throws(AnalyzeError) -> AnalyzeResponse {
        guard let article = request.article else { throw .missingArticle }
        return AnalyzeResponse(articleID: article.id, stats: AnalysisStats())
    }
}

/// Test services: Sleep (async, sleeps the ms in the payload's first 2 bytes, then echoes),
/// Metadata (echoes a metadata value), Fail (throws the code in the payload).
func testRegistry(extra: (inout ServiceRegistry) -> Void = { _ in }) -> ServiceRegistry {
    var registry = ServiceRegistry()
    AnalyzerService.register(into: &registry, analyzer: FakeAnalyzer())
    registry.unary(service: "test.Service", method: "Sleep") { (request: PingRequest, _: CallContext) in
        let millis = request.payload.count >= 2 ? Int(request.payload[0]) << 8 | Int(request.payload[1]) : 0
        try await Task.sleep(for: .milliseconds(millis))
        return PingResponse(payload: request.payload)
    }
    registry.synchronousUnary(service: "test.Service", method: "Metadata", execution: .inline) {
        (request: PingRequest, context: CallContext) in
        let key = String(decoding: request.payload, as: UTF8.self)
        let deadline = context.deadline.map { _ in ";deadline" } ?? ""
        return PingResponse(payload: Array((context.metadata[key] ?? "<none>").utf8) + Array(deadline.utf8))
    }
    registry.synchronousUnary(service: "test.Service", method: "Fail", execution: .offloaded) {
        (request: PingRequest, _: CallContext) -> PingResponse in
        throw RPCError(code: StatusCode(rawValue: Int32(request.payload.first ?? 2)), message: "failed on purpose")
    }
    extra(&registry)
    return registry
}

/// Runs `body` against a started server on 127.0.0.1 (ephemeral port), then
/// shuts the server down gracefully.
func withServer<T: Sendable>(
    _ configure: (inout ServerConfiguration) -> Void = { _ in },
    registry: ServiceRegistry = testRegistry(),
    timeout: Double = 20,
    _ body: @escaping @Sendable (TTRPCServer, Int) async throws -> T
) async throws -> T {
    var configuration = ServerConfiguration(
        bindTargets: [.tcp(host: "127.0.0.1", port: 0)], shutdownGrace: .seconds(2), threads: 2, version: "test")
    configure(&configuration)
    let server = TTRPCServer(configuration: configuration, services: registry)
    return try await serving(server) { port in try await withTimeout(timeout) { try await body(server, port) } }
}

/// Starts `server` and runs it (``TTRPCServer/run()``, which runs its
/// handlers) while `body` gets the bound port; then shuts it down
/// gracefully and waits, at most 10 s, for its run to end.
func serving<T: Sendable>(
    _ server: TTRPCServer, _ body: (Int) async throws -> T
) async throws -> T {
    let port = try await server.start().first?.port ?? 0
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await server.run()
            return nil
        }
        do {
            let result = try await body(port)
            server.initiateGracefulShutdown()
            try await withTimeout(10) { await server.waitUntilShutdown() }
            try await group.waitForAll()
            return result
        } catch {
            server.initiateGracefulShutdown()
            try? await withTimeout(10) { await server.waitUntilShutdown() }
            group.cancelAll()
            throw error
        }
    }
}

/// Runs `body` with a client of `target`, then closes it.
func withClient<T: Sendable>(
    _ target: String, configure: (inout ClientConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (TTRPCClient) async throws -> T
) async throws -> T {
    var configuration = ClientConfiguration(target: try ClientTarget(parsing: target))
    configure(&configuration)
    let client = TTRPCClient(configuration: configuration)
    do {
        let result = try await body(client)
        await client.close()
        return result
    } catch {
        await client.close()
        throw error
    }
}

/// A bare ttrpc connection that writes raw bytes and reads decoded frames,
/// for wire-level tests.
final class RawConnection: Sendable {
    let channel: NIOAsyncChannel<InboundFrame, ByteBuffer>
    private let group: MultiThreadedEventLoopGroup

    private init(channel: NIOAsyncChannel<InboundFrame, ByteBuffer>, group: MultiThreadedEventLoopGroup) {
        self.channel = channel
        self.group = group
    }

    static func connect(port: Int, maxFrameBytes: Int = 4 << 20) async throws -> RawConnection {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(FrameDecoder(maxPayloadBytes: maxFrameBytes)))
                return try NIOAsyncChannel<InboundFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        return RawConnection(channel: channel, group: group)
    }

    func send(_ bytes: [UInt8]) async throws {
        try await self.channel.channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    func sendFrame(streamID: UInt32, type: MessageType = .request, flags: FrameFlags = [], payload: [UInt8]) async throws {
        var buffer = ByteBuffer()
        buffer.writeMultipleIntegers(UInt32(payload.count), streamID, type.rawValue, flags.rawValue)
        buffer.writeBytes(payload)
        try await self.channel.channel.writeAndFlush(buffer)
    }

    /// Reads `count` frames, or fewer if the connection closes.
    func readFrames(_ count: Int) async throws -> [Frame] {
        try await self.channel.executeThenClose { inbound, _ in
            var frames: [Frame] = []
            for try await item in inbound {
                if case .frame(let frame) = item { frames.append(frame) }
                if frames.count == count { break }
            }
            return frames
        }
    }

    /// Reads until the server closes the connection; returns the frames seen.
    func readUntilClosed() async throws -> [Frame] {
        try await self.readFrames(Int.max)
    }

    func close() async {
        try? await self.channel.channel.close()
        try? await self.group.shutdownGracefully()
    }
}

func request(
    service: String, method: String, payload: [UInt8] = [], timeoutNano: Int64 = 0, metadata: [KeyValue] = []
) throws -> [UInt8] {
    try TTRPCRequest(
        service: service, method: method, payload: payload, timeoutNano: timeoutNano, metadata: metadata
    ).protobufBytes()
}

func response(_ frame: Frame) throws -> TTRPCResponse {
    try TTRPCResponse(protobuf: Array(buffer: frame.payload))
}

func hex(_ string: String) -> [UInt8] {
    let digits = Array(string.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence.
    var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}

/// A lock-protected value that closures can share (a pthread lock, which
/// ThreadSanitizer sees, unlike Synchronization.Mutex on Linux).
final class Locked<Value: Sendable>: Sendable {
    private let box: NIOLockedValueBox<Value>

    init(_ value: Value) {
        self.box = NIOLockedValueBox(value)
    }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        try self.box.withLockedValue(body)
    }
}
