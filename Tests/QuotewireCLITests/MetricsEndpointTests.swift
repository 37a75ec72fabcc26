import Foundation
import QuotewireModel
import QuotewireRPC
import Testing

/// The metrics listener of `quotewire serve` against hostile clients (issue 14, case 7).
@Suite(.serialized) struct MetricsEndpointTests {
    static let scrape = Array("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".utf8)

    /// The server's peak resident memory so far in MiB (VmHWM), from /proc.
    static func peakResidentMiB(_ server: ServerProcess) throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    static func expectTTRPCHealthy(_ server: ServerProcess) async throws {
        let outcome = try await QuotewireProcess.run(["health", "--server", server.address])
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    @Test func pipelinedScrapesAreAnsweredOneAtATime() async throws {
        let server = try await ServerProcess(["--metrics-port", "0", "--metrics-timeout", "60"])
        let port = try #require(server.metricsPort)
        let socket = try LoopbackSocket(port: port)
        defer { socket.close() }
        // 40,000 pipelined requests (1.4 MB) sent before reading anything: each answer is ~8 KB, so
        // answering them all ahead of the client (as before) would buffer over 300 MB.
        let requests = 40_000
        let sender = Task { try? await socket.send(Array((0..<requests).map { _ in Self.scrape }.joined())) }
        let (bytes, _) = try await socket.readUntilClosed(timeout: .seconds(60), limit: 8 << 20)
        socket.close()
        await sender.value
        #expect(bytes.count >= 8 << 20)
        #expect(try Self.peakResidentMiB(server) < 200, "the server buffered answers nobody read")
        try await Self.expectTTRPCHealthy(server)
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }

    @Test func halfSentRequestsAreBoundedAndTimedOut() async throws {
        let server = try await ServerProcess([
            "--metrics-port", "0", "--metrics-max-connections", "4", "--metrics-timeout", "1",
        ])
        let port = try #require(server.metricsPort)
        let sockets = try (0..<8).map { _ in try LoopbackSocket(port: port) }
        defer { sockets.forEach { $0.close() } }
        for socket in sockets { try? await socket.send(Array("GET /metr".utf8)) }
        // Four are served (and closed by the timeout), four refused at once.
        var closed = 0
        for socket in sockets {
            let (_, wasClosed) = try await socket.readUntilClosed(timeout: .seconds(10))
            if wasClosed { closed += 1 }
        }
        #expect(closed == 8, "half-sent requests held \(8 - closed) connections")
        let body = try await onOwnThread { try HTTPGet.body(port: port, path: "/metrics") }
        #expect(body.contains("quotewire_connections_open"))
        try await Self.expectTTRPCHealthy(server)
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }

    @Test func anErrorAnswerClosesTheConnection() async throws {
        let server = try await ServerProcess(["--metrics-port", "0"])
        let port = try #require(server.metricsPort)
        for request in ["GET /nope HTTP/1.1\r\nHost: x\r\n\r\n", "BREW /metrics HTTP/1.1\r\nHost: x\r\n\r\n", "\u{1}\u{2} garbage\r\n\r\n"] {
            let socket = try LoopbackSocket(port: port)
            defer { socket.close() }
            try await socket.send(Array(request.utf8))
            let (bytes, closed) = try await socket.readUntilClosed(timeout: .seconds(10))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 4"), "\(request): \(text.prefix(40))")
            #expect(closed, "\(request): the connection stayed open after an error")
        }
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }

    @Test func aMetricsTokenIsRequiredWhenConfigured() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let tokens = try folder.write("metrics-tokens", "# scrapers\nscrape-me\n")
        let server = try await ServerProcess(["--metrics-port", "0", "--metrics-auth-token-file", tokens])
        let port = try #require(server.metricsPort)
        for (header, expected) in [("", "HTTP/1.1 401"), ("Authorization: Bearer wrong\r\n", "HTTP/1.1 401"),
                                   ("Authorization: Bearer scrape-me\r\n", "HTTP/1.1 200")] {
            let socket = try LoopbackSocket(port: port)
            defer { socket.close() }
            try await socket.send(Array("GET /metrics HTTP/1.1\r\nHost: x\r\n\(header)Connection: close\r\n\r\n".utf8))
            let (bytes, _) = try await socket.readUntilClosed(timeout: .seconds(10))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasPrefix(expected), "\(header): \(text.prefix(60))")
            #expect(!text.contains("scrape-me"))
        }
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }
}
