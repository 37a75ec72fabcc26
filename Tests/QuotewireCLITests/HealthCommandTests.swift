import Foundation
import QuotewireModel
import QuotewireRPC
import Testing

/// `quotewire health` as a probe: exit 0 when SERVING, 1 otherwise.
@Suite(.serialized) struct HealthCommandTests {
    @Test func servingServerExitsZero() async throws {
        let server = try await ServerProcess()
        let outcome = try await QuotewireProcess.run(["health", "--server", server.address])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "SERVING\n")
        let service = try await QuotewireProcess.run([
            "health", "--server", server.address, "--service", "quotewire.v1.Analyzer",
        ])
        #expect(service.status == 0)
        let unknown = try await QuotewireProcess.run(["health", "--server", server.address, "--service", "no.Such"])
        #expect(unknown.status == 1)
        #expect(unknown.stdout == "SERVICE_UNKNOWN\n")
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }

    @Test func drainingServerExitsOne() async throws {
        let server = try await ServerProcess(["--shutdown-grace", "20"])
        // An open AnalyzeStream keeps the server draining after SIGTERM until it ends.
        let client = TTRPCClient(configuration: ClientConfiguration(target: try ClientTarget(parsing: server.address)))
        let (requests, feed) = AsyncStream<AnalyzeRequest>.makeStream()
        let responses = client.analyzeStream(requests)
        feed.yield(AnalyzeRequest(article: Article(id: "first", body: "\"Hello,\" he said.")))
        var iterator = responses.makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first?.articleID == "first")

        server.signal(SIGTERM)
        #expect(await server.waitForOutput("draining"), "the server did not start draining")
        #expect(server.process.isRunning)
        let draining = try await QuotewireProcess.run(["health", "--server", server.address, "--timeout", "2s"])
        #expect(draining.status == 1)

        feed.finish()
        while try await iterator.next() != nil {}
        await client.close()
        #expect(await server.waitForExit() == 0)
    }

    @Test func unreachableServerExitsOneNamingTheAddress() async throws {
        let outcome = try await QuotewireProcess.run(["health", "--server", "127.0.0.1:1", "--timeout", "2s"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("127.0.0.1:1"))
    }
}
