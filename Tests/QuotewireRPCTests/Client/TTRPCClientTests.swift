import Foundation
import NIOCore
import NIOPosix
import QuotewireModel
import Synchronization
import Testing

@testable import QuotewireRPC

/// The client against real servers: balancing, retries, reconnects, interop.
@Suite struct TTRPCClientTests {
    @Test func roundRobinsOverTwoServers() async throws {
        try await withServer({ $0.version = "A" }) { _, portA in
            try await withServer({ $0.version = "B" }) { _, portB in
                try await withClient("127.0.0.1:\(portA),127.0.0.1:\(portB)") { client in
                    var versions: [String] = []
                    for _ in 0..<6 { versions.append(try await client.info().version) }
                    #expect(versions.filter { $0 == "A" }.count == 3)
                    #expect(versions.filter { $0 == "B" }.count == 3)
                    #expect(zip(versions, versions.dropFirst()).allSatisfy { $0 != $1 })
                }
            }
        }
    }

    @Test func spreadsCallsOverSeveralConnectionsPerEndpoint() async throws {
        let peers = Locked(Set<String>())
        let registry = testRegistry { registry in
            registry.synchronousUnary(service: "test.Peer", method: "Who", execution: .inline) {
                (_: PingRequest, context: CallContext) in
                peers.withLock { _ = $0.insert("\(context.peer.map { "\($0)" } ?? "")") }
                return PingResponse()
            }
        }
        try await withServer(registry: registry) { _, port in
            try await withClient("127.0.0.1:\(port)", configure: { $0.connectionsPerEndpoint = 3 }) { client in
                for _ in 0..<6 {
                    _ = try await client.unary(
                        service: "test.Peer", method: "Who", request: PingRequest(), responseType: PingResponse.self)
                }
            }
        }
        #expect(peers.withLock { $0.count } == 3)
    }

    @Test func retriesUnavailableOntoAnotherEndpoint() async throws {
        let flaky = testRegistry { registry in
            registry.synchronousUnary(service: "test.Flaky", method: "Call", execution: .inline) {
                (_: PingRequest, _: CallContext) -> PingResponse in
                throw RPCError(code: .unavailable, message: "not here")
            }
        }
        let healthy = testRegistry { registry in
            registry.synchronousUnary(service: "test.Flaky", method: "Call", execution: .inline) {
                (_: PingRequest, _: CallContext) in PingResponse(payload: [1])
            }
        }
        try await withServer(registry: flaky) { _, flakyPort in
            try await withServer(registry: healthy) { _, healthyPort in
                try await withClient("127.0.0.1:\(flakyPort),127.0.0.1:\(healthyPort)") { client in
                    for _ in 0..<4 {
                        let response = try await client.unary(
                            service: "test.Flaky", method: "Call", request: PingRequest(),
                            responseType: PingResponse.self, options: CallOptions(isIdempotent: true))
                        #expect(response.payload == [1])
                    }
                    // Not idempotent: no retry, so half the calls see the error.
                    var failures = 0
                    for _ in 0..<4 {
                        do {
                            _ = try await client.unary(
                                service: "test.Flaky", method: "Call", request: PingRequest(),
                                responseType: PingResponse.self)
                        } catch let error as RPCError {
                            #expect(error.code == .unavailable)
                            failures += 1
                        }
                    }
                    #expect(failures == 2)
                }
            }
        }
    }

    @Test func connectsToEveryAddressOfADNSName() async throws {
        // localhost may resolve to 127.0.0.1 and ::1; the server listens on the first only,
        // so the client must skip the address that refuses.
        try await withServer { _, port in
            try await withClient("dns:localhost:\(port)") { client in
                for index in 0..<4 {
                    let echoed = try await client.ping([UInt8(index)])
                    #expect(echoed == [UInt8(index)])
                }
            }
        }
    }

    @Test func skipsAnEndpointThatIsDown() async throws {
        let deadPort = try await Self.freePort()
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(deadPort),127.0.0.1:\(port)") { client in
                for index in 0..<4 {
                    let echoed = try await client.ping([UInt8(index)])
                    #expect(echoed == [UInt8(index)])
                }
            }
        }
    }

    @Test func reconnectsAfterAServerRestart() async throws {
        let configuration = ServerConfiguration(
            bindTargets: [.tcp(host: "127.0.0.1", port: 0)], shutdownGrace: .seconds(1), threads: 1)
        let first = TTRPCServer(configuration: configuration, services: testRegistry())
        try await serving(first) { port in try await withTimeout(20) {
            try await withClient(
                "127.0.0.1:\(port)",
                configure: { $0.reconnectBackoff = Backoff(initial: .milliseconds(50), maximum: .milliseconds(200)) }
            ) { client in
                let value1 = try await client.ping([1])
                #expect(value1 == [1])
                first.initiateGracefulShutdown()
                await first.waitUntilShutdown()
                var again = configuration
                again.bindTargets = [.tcp(host: "127.0.0.1", port: port)]
                let second = TTRPCServer(configuration: again, services: testRegistry())
                try await serving(second) { _ in
                    // The old connection is gone; the next calls reconnect (retrying UNAVAILABLE).
                    var answer: [UInt8] = []
                    for _ in 0..<20 {
                        if let bytes = try? await client.ping([2]) {
                            answer = bytes
                            break
                        }
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    #expect(answer == [2])
                }
            }
        } }
    }

    @Test func unreachableServerIsUnavailable() async throws {
        let port = try await Self.freePort()
        try await withTimeout(10) {
            try await withClient("127.0.0.1:\(port)") { client in
                let error = await #expect(throws: RPCError.self) { try await client.ping() }
                #expect(error?.code == .unavailable)
            }
        }
    }

    @Test(
        "Our client calls the Go ttrpc server's Ping",
        .enabled(if: ProcessInfo.processInfo.environment["QUOTEWIRE_GO_PEER"] != nil))
    func callsTheGoServer() async throws {
        let binary = try #require(ProcessInfo.processInfo.environment["QUOTEWIRE_GO_PEER"])
        let port = try await Self.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "127.0.0.1:\(port)"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        try await withTimeout(20) {
            try await withClient(
                "127.0.0.1:\(port)", configure: { $0.retryPolicy = RetryPolicy(maxAttempts: 20) }
            ) { client in
                let value2 = try await client.ping(Array("hello go".utf8))
                #expect(value2 == Array("hello go".utf8))
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    for index in 0..<200 {
                        group.addTask { try await client.ping([UInt8(index % 256)]) == [UInt8(index % 256)] }
                    }
                    for try await ok in group { #expect(ok) }
                }
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(service: "quotewire.v1.Server", method: "Nope", payload: [])
                }
                #expect(error?.code == .unimplemented)
            }
        }
    }

    /// A port nothing listens on (bound, read, released).
    static func freePort() async throws -> Int {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        try await group.shutdownGracefully()
        return port
    }
}
