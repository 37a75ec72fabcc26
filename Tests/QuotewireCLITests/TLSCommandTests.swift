import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `serve --tls-*`, the client commands' `--tls*` flags and `tls:` addresses, SIGHUP, the access
/// log and `--unix-allow-uid`, as processes.
@Suite(.serialized) struct TLSCommandTests {
    static let traceID = "0af7651916cd43dd8448eb211c80319c"

    /// Throw-away certificates from `scripts/make-test-certs.sh` in `folder/certs`.
    static func makeCertificates(in folder: TemporaryFolder) async throws -> String {
        let directory = folder.url.appendingPathComponent("certs").path
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/make-test-certs.sh").path
        let made = try await QuotewireProcess.run([script, directory], program: URL(fileURLWithPath: "/bin/bash"))
        #expect(made.status == 0, "make-test-certs.sh: \(made.stderr)")
        return directory
    }

    @Test func clientCommandsSpeakTLSAndSIGHUPReloadsTheTokens() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let certs = try await Self.makeCertificates(in: folder)
        let tokens = try folder.write("tokens", "first-token\n")
        let first = try folder.write("first", "first-token\n")
        let second = try folder.write("second", "second-token\n")
        let server = try await ServerProcess([
            "--tls-cert", "\(certs)/server.pem", "--tls-key", "\(certs)/server.key", "--auth-token-file", tokens,
            "--access-log",
        ])
        let tls = ["--tls-ca", "\(certs)/ca.pem"]

        let health = try await QuotewireProcess.run(["health", "--server", "tls:\(server.address)"] + tls)
        #expect(health.status == 0, "\(health.stderr)")
        #expect(health.stdout.contains("SERVING"))
        let info = try await QuotewireProcess.run(["info", "--server", server.address, "--tls-ca", "\(certs)/ca.pem", "--token-file", first])
        #expect(info.status == 0, "\(info.stderr)")

        let plaintext = try await QuotewireProcess.run(["info", "--server", server.address, "--token-file", first])
        #expect(plaintext.status == 69)
        #expect(plaintext.stderr.contains("this port speaks TLS"), "\(plaintext.stderr)")
        let untrusted = try await QuotewireProcess.run(
            ["info", "--server", "tls:\(server.address)", "--tls-ca", "\(certs)/other-ca.pem", "--token-file", first])
        #expect(untrusted.status == 69)
        #expect(untrusted.stderr.contains("TLS handshake"), "\(untrusted.stderr)")

        let body = "\"We will not wait,\" the mayor said."
        let call = try await QuotewireProcess.run(
            [
                "call", "quotewire.v1.Analyzer/Analyze", "{\"article\":{\"id\":\"story-77\",\"body\":\(String(reflecting: body))}}",
                "--server", "tls:\(server.address)", "--token-file", first,
                "--metadata", "traceparent=00-\(Self.traceID)-b7ad6b7169203331-01",
            ] + tls)
        #expect(call.status == 0, "\(call.stderr)")
        #expect(await server.waitForOutput("story-77"))
        let line = try #require(server.stderr.split(separator: "\n").first { $0.contains("story-77") })
        #expect(line.contains("trace_id=\(Self.traceID)"), "\(line)")
        #expect(line.contains("method=Analyze") && line.contains("code=OK"), "\(line)")
        #expect(!server.stderr.contains("mayor") && !server.stderr.contains("first-token"))

        let load = try await QuotewireProcess.run(
            ["load", "--server", "tls:\(server.address)", "--method", "ping", "--requests", "300", "--token-file", first, "--json"]
                + tls)
        #expect(load.status == 0, "\(load.stderr)")

        // SIGHUP: the token file is read again; the old token stops working, the new one works.
        try Data("second-token\n".utf8).write(to: URL(fileURLWithPath: tokens))
        server.signal(SIGHUP)
        #expect(await server.waitForOutput("SIGHUP: reloaded"))
        #expect(server.stderr.contains("reloaded TLS certificate \(certs)/server.pem and token file \(tokens)"), "\(server.stderr)")
        let old = try await QuotewireProcess.run(["info", "--server", "tls:\(server.address)", "--token-file", first] + tls)
        #expect(old.status == 77, "\(old.stderr)")
        let new = try await QuotewireProcess.run(["info", "--server", "tls:\(server.address)", "--token-file", second] + tls)
        #expect(new.status == 0, "\(new.stderr)")
        // A broken reload keeps what is in use.
        try Data("# no token\n".utf8).write(to: URL(fileURLWithPath: tokens))
        server.signal(SIGHUP)
        #expect(await server.waitForOutput("SIGHUP: kept the tokens in use"))
        let still = try await QuotewireProcess.run(["info", "--server", "tls:\(server.address)", "--token-file", second] + tls)
        #expect(still.status == 0, "\(still.stderr)")

        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }

    @Test func badTLSFlagsAreUsageOrInputErrors() async throws {
        let halfPair = try await QuotewireProcess.run(["serve", "--tls-cert", "/nonexistent/cert.pem"])
        #expect(halfPair.status == 64)
        #expect(halfPair.stderr.contains("--tls-cert and --tls-key go together"))
        let missing = try await QuotewireProcess.run(
            ["serve", "--port", "0", "--tls-cert", "/nonexistent/cert.pem", "--tls-key", "/nonexistent/key.pem"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("TLS certificate /nonexistent/cert.pem: No such file or directory"), "\(missing.stderr)")
        let uid = try await QuotewireProcess.run(["serve", "--unix-allow-uid", "0,root"])
        #expect(uid.status == 64)
        #expect(uid.stderr.contains("\"root\" is not a uid"), "\(uid.stderr)")
        let clientCA = try await QuotewireProcess.run(["health", "--server", "127.0.0.1:1", "--tls-ca", "/nonexistent/ca.pem"])
        #expect(clientCA.status == 66)
        #expect(clientCA.stderr.contains("TLS CA /nonexistent/ca.pem"), "\(clientCA.stderr)")
    }

    @Test(.enabled(if: getuid() == 0, "needs root to run a client as the user nobody (CI runs as root)"))
    func unixAllowUIDRefusesOtherUsers() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path)
        let socket = folder.url.appendingPathComponent("quotewire.sock").path
        let server = try await ServerProcess(["--unix", socket, "--unix-allow-uid", "0", "--access-log"])
        // The socket file lets anyone connect: the uid check, not the file mode, must refuse nobody.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: socket)

        let asRoot = try await QuotewireProcess.run(["info", "--server", "unix:\(socket)"])
        #expect(asRoot.status == 0, "\(asRoot.stderr)")
        let asNobody = try await QuotewireProcess.run(
            ["-u", "nobody", "--", QuotewireProcess.executable.path, "info", "--server", "unix:\(socket)"],
            program: URL(fileURLWithPath: "/usr/sbin/runuser"))
        #expect(asNobody.status == 69, "\(asNobody.stderr)")
        #expect(asNobody.stderr.contains("uid 65534 may not use this socket"), "\(asNobody.stderr)")
        #expect(await server.waitForOutput("uid=0"))  // the access log names the allowed peer's uid
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }
}
