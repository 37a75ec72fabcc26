import Foundation
import Testing

/// `quotewire load` against a real `quotewire serve` process.
@Suite(.serialized) struct LoadCommandTests {
    func report(_ outcome: QuotewireProcess.Outcome) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(outcome.stdout)")
    }

    @Test func aFixedRequestCountIsHonouredExactly() async throws {
        let server = try await ServerProcess()
        for (requests, concurrency) in [(1, 1), (137, 8), (1000, 64)] {
            let outcome = try await QuotewireProcess.run([
                "load", "--server", server.address, "--method", "ping", "--requests", "\(requests)",
                "--concurrency", "\(concurrency)", "--json",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let json = try report(outcome)
            #expect(json["calls"] as? Int == requests)
            #expect(json["succeeded"] as? Int == requests)
            #expect(json["failed"] as? Int == 0)
            let histogram = try #require(json["histogram"] as? [[String: Double]])
            #expect(histogram.reduce(0) { $0 + ($1["count"] ?? 0) } == Double(requests), "every call in one bucket")
        }
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }

    @Test func errorsAreCountedByStatusCode() async throws {
        let server = try await ServerProcess()
        let outcome = try await QuotewireProcess.run([
            "load", "--server", server.address, "--call", "quotewire.v1.Server/Nope", "--requests", "250", "--json",
        ])
        let json = try report(outcome)
        #expect(json["calls"] as? Int == 250)
        #expect(json["failed"] as? Int == 250)
        #expect((json["errors"] as? [String: Int])?["UNIMPLEMENTED"] == 250)
        #expect(json["errorRate"] as? Double == 1)
        // Every call failing is a failed run.
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("every call failed"))
        server.signal(SIGTERM)
        _ = await server.waitForExit()
    }

    @Test func thresholdsSetTheExitStatus() async throws {
        let server = try await ServerProcess()
        let base = ["load", "--server", server.address, "--requests", "200", "--method", "ping"]
        let relaxed = try await QuotewireProcess.run(base + ["--max-error-rate", "0", "--max-p99", "10s"])
        #expect(relaxed.status == 0, "\(relaxed.stderr)")

        let strictLatency = try await QuotewireProcess.run(base + ["--max-p99", "1us"])
        #expect(strictLatency.status == 1)
        #expect(strictLatency.stderr.contains("exceeds --max-p99"))

        // Half the calls fail: a 0.1 error-rate budget is breached.
        let failing = try await QuotewireProcess.run([
            "load", "--server", server.address, "--call", "quotewire.v1.Nope/Nope", "--requests", "50",
            "--max-error-rate", "0.1",
        ])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("exceeds --max-error-rate"))
        server.signal(SIGTERM)
        _ = await server.waitForExit()
    }

    @Test func theJSONReportHoldsTheDocumentedFields() async throws {
        let server = try await ServerProcess()
        let outcome = try await QuotewireProcess.run([
            "load", "--server", server.address, "--method", "analyze", "--synthetic", "2000", "--requests", "40",
            "--concurrency", "4", "--warmup", "200ms", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try report(outcome)
        for key in [
            "workload", "target", "concurrency", "connectionsPerEndpoint", "rate", "calls", "succeeded", "failed",
            "errorRate", "errors", "durationSeconds", "callsPerSecond", "latencyMicros", "histogram",
        ] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["workload"] as? String == "quotewire.v1.Analyzer/Analyze")
        #expect(json["calls"] as? Int == 40)
        let latency = try #require(json["latencyMicros"] as? [String: Double])
        for key in ["min", "mean", "p50", "p90", "p99", "p99.9", "max"] {
            #expect(latency[key] != nil, "missing latency \(key)")
        }
        let minimum = try #require(latency["min"])
        let p50 = try #require(latency["p50"])
        let maximum = try #require(latency["max"])
        #expect(minimum > 0 && minimum <= p50 && p50 <= maximum)
        let histogram = try #require(json["histogram"] as? [[String: Double]])
        #expect(histogram.reduce(0) { $0 + ($1["count"] ?? 0) } == 40)
        server.signal(SIGTERM)
        _ = await server.waitForExit()
    }

    @Test func phasesAreReportedAndBadPhaseNamesRefused() async throws {
        let server = try await ServerProcess()
        let outcome = try await QuotewireProcess.run([
            "load", "--server", server.address, "--requests", "30", "--phases", "only", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let phases = try #require(try report(outcome)["phases"] as? [[String: Any]])
        #expect(phases.count == 1)
        #expect(phases.first?["name"] as? String == "only")
        #expect(phases.first?["calls"] as? Int == 30)
        for bad in ["a,a", ",", "a,,a"] {
            let refused = try await QuotewireProcess.run(["load", "--server", server.address, "--phases", bad])
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("--phases takes distinct comma-separated names"), "\(refused.stderr)")
        }
        let badKeepalive = try await QuotewireProcess.run(["load", "--server", server.address, "--keepalive-timeout", "0"])
        #expect(badKeepalive.status == 64)
        #expect(badKeepalive.stderr.contains("--keepalive-timeout must be more than 0"), "\(badKeepalive.stderr)")
        server.signal(SIGTERM)
        _ = await server.waitForExit()
    }

    @Test func openLoopRunsForItsDuration() async throws {
        let server = try await ServerProcess()
        let outcome = try await QuotewireProcess.run([
            "load", "--server", server.address, "--rate", "200", "--duration", "1s", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try report(outcome)
        let calls = try #require(json["calls"] as? Int)
        // 200 calls/s for one second, scheduled by the clock.
        #expect(calls >= 150 && calls <= 201)
        #expect(json["rate"] as? Double == 200)
        server.signal(SIGTERM)
        _ = await server.waitForExit()
    }

    @Test func usageErrorsExit64() async throws {
        let outcome = try await QuotewireProcess.run(["load", "--concurrency", "0"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--concurrency"))
        let unreachable = try await QuotewireProcess.run([
            "load", "--server", "127.0.0.1:1", "--requests", "3", "--timeout", "2s",
        ])
        #expect(unreachable.status == 1)
        #expect(unreachable.stdout.contains("UNAVAILABLE"))
    }
}
