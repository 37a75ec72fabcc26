import Foundation
import Testing

/// `serve --auth-token-file` and `--token-file` on the client commands, as processes.
@Suite(.serialized) struct AuthCommandTests {
    @Test func clientCommandsNeedTheTokenButHealthDoesNot() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let serverTokens = try folder.write("server-tokens", "# rotated 2026-11\nold-token\n\nc0rrect-token\n")
        let clientToken = try folder.write("client-token", "# for the load tests\nc0rrect-token\n")
        let wrongToken = try folder.write("wrong-token", "not-the-token\n")
        let server = try await ServerProcess(["--auth-token-file", serverTokens])

        let refused = try await QuotewireProcess.run(["info", "--server", server.address])
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("refused the call"), "\(refused.stderr)")
        #expect(refused.stderr.contains("missing credentials"))
        #expect(refused.stderr.contains("--token-file"))

        let wrong = try await QuotewireProcess.run(["info", "--server", server.address, "--token-file", wrongToken])
        #expect(wrong.status == 77)
        #expect(wrong.stderr.contains("invalid bearer token"))
        #expect(!wrong.stderr.contains("not-the-token"))

        let info = try await QuotewireProcess.run(["info", "--server", server.address, "--token-file", clientToken])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("quotewire.v1.Analyzer"))

        let fromEnvironment = try await QuotewireProcess.run(
            ["info", "--server", server.address], environment: ["QUOTEWIRE_TOKEN_FILE": clientToken])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")

        let health = try await QuotewireProcess.run(["health", "--server", server.address])
        #expect(health.status == 0, "\(health.stderr)")
        #expect(health.stdout.contains("SERVING"))

        let analyzeRefused = try await QuotewireProcess.run(
            ["analyze", "--server", server.address, "-"], stdin: "\"Yes,\" she said.\n")
        #expect(analyzeRefused.status == 77)
        #expect(analyzeRefused.stderr.contains("--token-file"))
        let analyze = try await QuotewireProcess.run(
            ["analyze", "--server", server.address, "--token-file", clientToken, "--json", "-"],
            stdin: "\"Yes,\" she said.\n")
        #expect(analyze.status == 0, "\(analyze.stderr)")

        let corpus = try EvalCommandTests().writeCorpus()
        defer { corpus.remove() }
        let evalRefused = try await QuotewireProcess.run(["eval", corpus.url.path, "--server", server.address])
        #expect(evalRefused.status == 77)
        let eval = try await QuotewireProcess.run(
            ["eval", corpus.url.path, "--server", server.address, "--token-file", clientToken, "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")

        let load = try await QuotewireProcess.run([
            "load", "--server", server.address, "--method", "ping", "--requests", "50", "--token-file", clientToken,
            "--json",
        ])
        #expect(load.status == 0, "\(load.stderr)")
        let unauthorizedLoad = try await QuotewireProcess.run([
            "load", "--server", server.address, "--method", "ping", "--requests", "5", "--json",
        ])
        #expect(unauthorizedLoad.status == 1)
        #expect(unauthorizedLoad.stdout.contains("UNAUTHENTICATED"))

        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }

    @Test func anEmptyOrMissingTokenFileStopsTheServer() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let empty = try folder.write("empty", "# no tokens yet\n\n")
        for path in [empty, folder.url.appendingPathComponent("missing").path] {
            let outcome = try await QuotewireProcess.run(
                ["serve", "--port", "0", "--auth-token-file", path], timeout: .seconds(20))
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("--auth-token-file"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains(path))
        }
    }

    @Test func anUnreadableClientTokenFileIsReported() async throws {
        let outcome = try await QuotewireProcess.run([
            "info", "--server", "127.0.0.1:1", "--token-file", "/nonexistent/quotewire-token",
        ])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("--token-file"))
        #expect(outcome.stderr.contains("/nonexistent/quotewire-token"))
    }
}
