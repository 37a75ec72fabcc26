import Foundation
import QuotewireModel
import QuotewireRPC
import Testing

/// `quotewire serve` as operators run it: signals, metrics, environment.
@Suite(.serialized) struct ServeCommandTests {
    static func article(_ id: String, bytes: Int) -> Article {
        var body = ""
        let paragraph = """
            "We will rebuild the pier before summer," Mayor Ines Carver said on Friday. \
            The harbor board argued that the budget was too small. Carver urged the state to send more money.\n\n
            """
        while body.utf8.count < bytes { body += paragraph }
        return Article(id: id, body: body)
    }

    @Test func sigtermWhileCallsAreInFlightAnswersEveryCallAndExitsZero() async throws {
        let server = try await ServerProcess(["--shutdown-grace", "60", "--metrics-port", "0"])
        let metricsPort = try #require(server.metricsPort)
        let client = TTRPCClient(
            configuration: ClientConfiguration(target: try ClientTarget(parsing: server.address), connectionsPerEndpoint: 2))
        let calls = 100
        let results = try await withThrowingTaskGroup(of: Result<String, RPCError>.self) { group in
            for index in 0..<calls {
                group.addTask {
                    do throws(RPCError) {
                        let response = try await client.analyze(
                            AnalyzeRequest(article: Self.article("a\(index)", bytes: 60_000)),
                            options: CallOptions(timeout: .seconds(60)))
                        return .success(response.articleID)
                    } catch {
                        return .failure(error)
                    }
                }
            }
            // Wait until the server has received every call, then ask it to stop.
            let deadline = ContinuousClock.now + .seconds(60)
            while try await onOwnThread({ try Self.analyzeCallsReceived(metricsPort: metricsPort) }) < calls
                && ContinuousClock.now < deadline
            {
                try await Task.sleep(for: .milliseconds(10))
            }
            server.signal(SIGTERM)
            var results: [Result<String, RPCError>] = []
            for try await result in group { results.append(result) }
            return results
        }
        await client.close()
        let answered = results.compactMap { try? $0.get() }
        #expect(answered.count == calls, "failures: \(results.compactMap { if case .failure(let e) = $0 { e } else { nil } }.prefix(3))")
        #expect(Set(answered) == Set((0..<calls).map { "a\($0)" }))
        #expect(await server.waitForExit() == 0)
        #expect(server.stderr.contains("draining"))
    }

    /// A supervisor may signal as soon as the start-up line appears: the signal
    /// handlers are in place by then (lost signals were seen under load, when a
    /// Dispatch signal source registered after the line).
    @Test func sigtermRightAfterTheStartUpLineIsNeverLost() async throws {
        for _ in 0..<5 {
            let server = try await ServerProcess()
            server.signal(SIGTERM)
            #expect(await server.waitForExit() == 0)
            #expect(await server.waitForOutput("quotewire stopped"), "\(server.stderr)")
        }
    }

    @Test func aSecondSignalDuringTheDrainExitsAtOnce() async throws {
        let server = try await ServerProcess(["--shutdown-grace", "60"])
        // An open AnalyzeStream keeps the server draining after the first signal.
        let client = TTRPCClient(configuration: ClientConfiguration(target: try ClientTarget(parsing: server.address)))
        let (requests, feed) = AsyncStream<AnalyzeRequest>.makeStream()
        let responses = client.analyzeStream(requests)
        feed.yield(AnalyzeRequest(article: Article(id: "first", body: "\"Hello,\" he said.")))
        var iterator = responses.makeAsyncIterator()
        #expect(try await iterator.next()?.articleID == "first")
        server.signal(SIGTERM)
        #expect(await server.waitForOutput("draining"), "the server did not start draining")
        server.signal(SIGINT)
        #expect(await server.waitForExit() == 1)
        #expect(server.stderr.contains("exiting without draining"))
        feed.finish()
        await client.close()
    }

    /// Analyze calls in flight plus those answered, from the server's metrics.
    static func analyzeCallsReceived(metricsPort: Int) throws -> Int {
        let text = try HTTPGet.body(port: metricsPort, path: "/metrics")
        var received = 0.0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[1]) else { continue }
            if parts[0] == "quotewire_calls_in_flight" || parts[0].hasPrefix("quotewire_calls_total{service=\"quotewire.v1.Analyzer\"") {
                received += value
            }
        }
        return Int(received)
    }

    @Test func metricsShowTheCallsMade() async throws {
        let server = try await ServerProcess(["--metrics-port", "0"])
        let metricsPort = try #require(server.metricsPort, "no metrics address in: \(server.stderr)")
        let pings = try await QuotewireProcess.run(["load", "--server", server.address, "--requests", "7"])
        #expect(pings.status == 0, "\(pings.stderr)")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Three files: the ids of a batch must be unique.
        let files = try ["one", "two", "three"].map { try folder.write("\($0).txt", "\"It works,\" she said.") }
        let analyzed = try await QuotewireProcess.run(["analyze", "--server", server.address] + files)
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        let unknown = try await QuotewireProcess.run([
            "load", "--server", server.address, "--call", "no.Such/Thing", "--requests", "2",
        ])
        #expect(unknown.status == 1)

        let text = try await onOwnThread { try HTTPGet.body(port: metricsPort, path: "/metrics") }
        // The analyze command pings once to check the server, then analyzes three files.
        #expect(text.contains(#"quotewire_calls_total{service="quotewire.v1.Server",method="Ping",code="OK"} 8"#), "\(text)")
        #expect(text.contains(#"quotewire_calls_total{service="quotewire.v1.Analyzer",method="Analyze",code="OK"} 3"#))
        #expect(text.contains(#"quotewire_calls_total{service="unknown",method="unknown",code="UNIMPLEMENTED"} 2"#))
        #expect(text.contains(#"quotewire_call_duration_seconds_count{service="quotewire.v1.Analyzer",method="Analyze"} 3"#))
        #expect(text.contains("quotewire_calls_in_flight 0"))
        #expect(text.contains("quotewire_connections_open"))
        #expect(text.contains("quotewire_received_bytes_total"))
        #expect(text.contains("quotewire_sent_bytes_total"))
        server.signal(SIGINT)
        #expect(await server.waitForExit() == 0)
    }

    @Test func flagsCanComeFromTheEnvironment() async throws {
        let server = try await ServerProcess(
            environment: ["QUOTEWIRE_MAX_CONNECTIONS": "7", "QUOTEWIRE_IDLE_TIMEOUT": "42"])
        let info = try await QuotewireProcess.run(["info", "--server", server.address, "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let limits = try #require(json["limits"] as? [String: Any])
        #expect(limits["maxConnections"] as? Int == 7)
        #expect(limits["idleTimeoutMillis"] as? String == "42000")
        server.signal(SIGTERM)
        _ = await server.waitForExit()

        let bad = try await QuotewireProcess.run(["serve"], environment: ["QUOTEWIRE_PORT": "not-a-port"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--port"))
    }

    @Test func startUpLineNamesVersionAndAddress() async throws {
        let server = try await ServerProcess(["--log-format", "json"])
        let line = try #require(server.stderr.split(separator: "\n").first { $0.contains("serving ttrpc") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(json["level"] as? String == "info")
        #expect(json["version"] as? String == "0.1.0")
        #expect((json["message"] as? String)?.contains(server.address) == true)
        // At once after the start-up line, as a supervisor may: the signal must not be lost.
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0, "\(server.stderr)")
    }
}
