import NIOCore
import NIOPosix
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// A TCP listener that accepts connections and then never reads or answers:
/// what a client sees of a host that went silent (no reset, no answer).
final class SilentListener: Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel: any Channel
    let port: Int

    init() async throws {
        channel = try await ServerBootstrap(group: group)
            .childChannelOption(.autoRead, value: false)
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
    }

    func close() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// The client when endpoints go silent, come back, or fail for long: keepalive
/// probes, failover within the deadline, re-admission, the retry budget.
@Suite struct FailoverTests {
    /// Fast probing, so that a silent endpoint is given up within about a second (generous
    /// enough for a loaded machine: a live server answers a probe well within it).
    static func fastProbing(_ configuration: inout ClientConfiguration) {
        configuration.keepalive = Keepalive(interval: .milliseconds(200), timeout: .seconds(1))
        configuration.reconnectBackoff = Backoff(initial: .milliseconds(50), maximum: .milliseconds(200))
    }

    @Test func callsToASilentHostFailOverWithinTheirDeadline() async throws {
        let silent = try await SilentListener()
        defer { Task { await silent.close() } }
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(silent.port),127.0.0.1:\(port)", configure: Self.fastProbing) { client in
                // Half of these go to the silent host first; each must come back from the other one.
                try await withThrowingTaskGroup(of: [UInt8].self) { group in
                    for index in 0..<40 {
                        group.addTask {
                            try await client.ping(
                                [UInt8(index)], options: CallOptions(timeout: .seconds(10), isIdempotent: true))
                        }
                    }
                    var answers = 0
                    for try await _ in group { answers += 1 }
                    #expect(answers == 40)
                }
            }
        }
    }

    @Test func withoutKeepaliveASilentHostHoldsCallsUntilTheirDeadline() async throws {
        let silent = try await SilentListener()
        defer { Task { await silent.close() } }
        try await withClient("127.0.0.1:\(silent.port)", configure: { $0.keepalive = nil }) { client in
            let error = await #expect(throws: RPCError.self) {
                try await client.ping([1], options: CallOptions(timeout: .milliseconds(300), isIdempotent: true))
            }
            #expect(error?.code == .deadlineExceeded)
        }
    }

    @Test func aCallWaitingForAConnectionEndsAtItsDeadline() async throws {
        // A listener that never accepts, its accept queue filled: further SYNs are dropped,
        // so the client's connection attempt hangs (as towards a host that is down).
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1)
            .serverChannelOption(.autoRead, value: false)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = listener.localAddress?.port ?? 0
        let fillers = try (0..<2).map { _ in try PosixSocket(port: port) }
        try await withTimeout(10) {
            try await withClient(
                "127.0.0.1:\(port)", configure: { $0.connectTimeout = .seconds(60); $0.keepalive = nil }
            ) { client in
                let error = await #expect(throws: RPCError.self) {
                    try await client.ping([1], options: CallOptions(timeout: .milliseconds(300), isIdempotent: true))
                }
                #expect(error?.code == .deadlineExceeded)
                #expect(error?.message.contains("while connecting") == true, "\(String(describing: error))")
            }
        }
        for filler in fillers { filler.close() }
        try await listener.close()
        try await group.shutdownGracefully()
    }

    @Test func aSilentHostIsGivenUpWithUnavailableNamingIt() async throws {
        let silent = try await SilentListener()
        defer { Task { await silent.close() } }
        try await withClient("127.0.0.1:\(silent.port)", configure: Self.fastProbing) { client in
            let error = await #expect(throws: RPCError.self) {
                try await client.ping([1], options: CallOptions(timeout: .seconds(10)))
            }
            #expect(error?.code == .unavailable)
            #expect(error?.message.contains("127.0.0.1:\(silent.port) sent nothing") == true, "\(String(describing: error))")
        }
    }

    @Test func anEndpointThatComesBackTakesCallsAgain() async throws {
        let configuration = ServerConfiguration(
            bindTargets: [.tcp(host: "127.0.0.1", port: 0)], shutdownGrace: .seconds(1), threads: 1, version: "back")
        let first = TTRPCServer(configuration: configuration, services: testRegistry())
        try await serving(first) { port in try await withServer({ $0.version = "steady" }) { _, steadyPort in
            try await withClient("127.0.0.1:\(port),127.0.0.1:\(steadyPort)", configure: Self.fastProbing) { client in
                first.initiateGracefulShutdown()
                await first.waitUntilShutdown()
                // With one endpoint down, every call is served by the other.
                for _ in 0..<6 { #expect(try await client.info().version == "steady") }
                var again = configuration
                again.bindTargets = [.tcp(host: "127.0.0.1", port: port)]
                let second = TTRPCServer(configuration: again, services: testRegistry())
                try await serving(second) { _ in
                    // Reconnects run in the background with backoff; calls keep going meanwhile
                    // and reach the endpoint again once it is connected.
                    // (Bounded by withServer's time limit.)
                    while try await client.info().version != "back" {
                        try await Task.sleep(for: .milliseconds(5))
                    }
                }
            }
        } }
    }

    @Test func theRetryBudgetBoundsRetries() {
        let budget = RetryBudget(RetryPolicy(budgetTokens: 2, budgetRefill: 0.25))
        #expect(budget.withdraw())
        #expect(budget.withdraw())
        #expect(!budget.withdraw())
        for _ in 0..<3 { budget.recordSuccess() }
        #expect(!budget.withdraw())
        budget.recordSuccess()
        #expect(budget.withdraw())
        for _ in 0..<100 { budget.recordSuccess() }
        #expect(budget.withdraw() && budget.withdraw())
        #expect(!budget.withdraw(), "earned tokens are capped at budgetTokens")
    }

    @Test func aSpentBudgetStopsRetriesOfAnOutage() async throws {
        let deadPort = try await TTRPCClientTests.freePort()
        try await withClient(
            "127.0.0.1:\(deadPort)",
            configure: { $0.retryPolicy = RetryPolicy(maxAttempts: 3, budgetTokens: 1, budgetRefill: 0) }
        ) { client in
            let first = await #expect(throws: RPCError.self) {
                try await client.ping([1], options: CallOptions(isIdempotent: true))
            }
            #expect(first?.message.contains("retry budget is spent") == true, "\(String(describing: first))")
            let second = await #expect(throws: RPCError.self) {
                try await client.ping([2], options: CallOptions(isIdempotent: true))
            }
            #expect(second?.code == .unavailable)
            #expect(second?.message.contains("retry budget is spent") == true)
        }
    }
}
