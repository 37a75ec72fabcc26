import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// TLS and mutual TLS over real sockets, with certificates the test makes.
@Suite struct TLSTests {
    /// Answers the caller's identity as text: `subject|SAN,SAN|uid`.
    static let identityRegistry = testRegistry { registry in
        registry.synchronousUnary(service: "test.Service", method: "Identity", execution: .inline) {
            (_: PingRequest, context: CallContext) in
            let certificate = context.identity.certificate
            let text = [
                certificate?.subject ?? "-", certificate?.alternativeNames.joined(separator: ",") ?? "-",
                context.identity.credentials.map { "\($0.uid)/\($0.gid)/\($0.pid)" } ?? "-",
            ].joined(separator: "|")
            return PingResponse(payload: Array(text.utf8))
        }
    }

    static func identity(_ client: TTRPCClient) async throws -> String {
        let response = try await client.unary(
            service: "test.Service", method: "Identity", request: PingRequest(), responseType: PingResponse.self,
            options: CallOptions(timeout: .seconds(5)))
        return String(decoding: response.payload, as: UTF8.self)
    }

    @Test func roundTripOverTLS() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let tls = try ServerTLS(
            files: ServerTLSFiles(certificateChain: certificates.path("server.pem"), privateKey: certificates.path("server.key")))
        try await withServer({ $0.tls = tls }, registry: Self.identityRegistry) { _, port in
            try await withClient("tls:127.0.0.1:\(port)", configure: {
                $0.tls = try? ClientTLS(files: ClientTLSFiles(trustRoots: certificates.path("ca.pem")))
            }) { client in
                #expect(try await client.ping(Array("over tls".utf8)) == Array("over tls".utf8))
                let response = try await client.analyze(
                    AnalyzeRequest(article: Article(id: "a1", body: "\"We will win,\" she said.")))
                #expect(response.articleID == "a1")
                #expect(try await Self.identity(client) == "-|-|-")  // no client certificate asked for
            }
            // The name in the certificate is checked: localhost is in it.
            try await withClient("tls:localhost:\(port)", configure: {
                $0.tls = try? ClientTLS(files: ClientTLSFiles(trustRoots: certificates.path("ca.pem")))
            }) { client in
                let answer = try await client.ping()
                #expect(answer == [])
            }
        }
    }

    @Test func clientRefusesAServerItDoesNotTrust() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let tls = try ServerTLS(
            files: ServerTLSFiles(certificateChain: certificates.path("server.pem"), privateKey: certificates.path("server.key")))
        try await withServer({ $0.tls = tls }) { _, port in
            // Trusting another CA. (A name the certificate lacks is refused too, unless, as here,
            // the certificate names the address connected to: NIOSSL accepts either.)
            let files = ClientTLSFiles(trustRoots: certificates.path("other-ca.pem"))
            try await withClient("tls:127.0.0.1:\(port)", configure: { $0.tls = try? ClientTLS(files: files) }) { client in
                let error = await #expect(throws: RPCError.self) { try await client.ping() }
                #expect(error?.code == .unavailable)
                #expect(error?.message.contains("the server's certificate is not trusted") == true, "\(String(describing: error))")
            }
        }
    }

    @Test func mutualTLSPassesTheClientIdentityAndRefusesOthers() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let tls = try ServerTLS(
            files: ServerTLSFiles(
                certificateChain: certificates.path("server.pem"), privateKey: certificates.path("server.key"),
                clientCA: certificates.path("ca.pem")))
        #expect(tls.requiresClientCertificates)
        try await withServer({ $0.tls = tls }, registry: Self.identityRegistry) { _, port in
            let trusted = ClientTLSFiles(
                trustRoots: certificates.path("ca.pem"), certificateChain: certificates.path("client.pem"),
                privateKey: certificates.path("client.key"))
            try await withClient("tls:127.0.0.1:\(port)", configure: { $0.tls = try? ClientTLS(files: trusted) }) { client in
                let identity = try await Self.identity(client)
                #expect(identity == "O=Newsroom,CN=analyst-1|URI:spiffe://quotewire/analyst,DNS:client.test|-")
            }
            let refused = [
                ("no certificate", ClientTLSFiles(trustRoots: certificates.path("ca.pem"))),
                (
                    "another CA's certificate",
                    ClientTLSFiles(
                        trustRoots: certificates.path("ca.pem"), certificateChain: certificates.path("other-client.pem"),
                        privateKey: certificates.path("other-client.key"))
                ),
            ]
            for (name, files) in refused {
                try await withClient("tls:127.0.0.1:\(port)", configure: { $0.tls = try? ClientTLS(files: files) }) { client in
                    let error = await #expect(throws: RPCError.self, "\(name)") { try await Self.identity(client) }
                    #expect(error?.code == .unavailable, "\(name): \(String(describing: error))")
                    print("mutual TLS, \(name): \(error.map { "\($0)" } ?? "no error")")
                }
            }
        }
    }

    @Test func plaintextClientOnATLSPortIsToldToUseTLS() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let tls = try ServerTLS(
            files: ServerTLSFiles(certificateChain: certificates.path("server.pem"), privateKey: certificates.path("server.key")))
        try await withServer({ $0.tls = tls }) { _, port in
            // No keepalive: on a busy machine its health probe could be the first request, the one told.
            try await withClient("127.0.0.1:\(port)", configure: { $0.keepalive = nil }) { client in
                let started = ContinuousClock.now
                let error = await #expect(throws: RPCError.self) { try await client.ping() }
                let elapsed = ContinuousClock.now - started
                #expect(error?.code == .failedPrecondition, "\(String(describing: error))")
                #expect(error?.message.contains("this port speaks TLS") == true)
                print("plaintext client on a TLS port: \(error.map { "\($0)" } ?? "no error") after \(elapsed)")
            }
        }
    }

    @Test func tlsClientOnAPlaintextPortGetsAClearError() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        try await withServer { _, port in
            try await withClient("tls:127.0.0.1:\(port)", configure: {
                $0.tls = try? ClientTLS(files: ClientTLSFiles(trustRoots: certificates.path("ca.pem")))
            }) { client in
                let started = ContinuousClock.now
                let error = await #expect(throws: RPCError.self) { try await client.ping() }
                let elapsed = ContinuousClock.now - started
                #expect(error?.code == .unavailable)
                #expect(error?.message.contains("does not speak TLS") == true, "\(String(describing: error))")
                print("TLS client on a plaintext port: \(error.map { "\($0)" } ?? "no error") after \(elapsed)")
            }
        }
    }

    /// A client that connects and never starts the handshake holds its slot
    /// of the connection limit only until the handshake timeout.
    @Test func handshakeTimeoutFreesTheConnectionSlot() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let tls = try ServerTLS(
            files: ServerTLSFiles(certificateChain: certificates.path("server.pem"), privateKey: certificates.path("server.key")))
        try await withServer({
            $0.tls = tls
            $0.maxConnections = 1
            $0.tlsHandshakeTimeout = .milliseconds(300)
        }) { server, port in
            let silent = try await RawConnection.connect(port: port)
            #expect(try await silent.readUntilClosed().isEmpty)  // closed by the server, nothing said
            await silent.close()
            try await withClient("tls:127.0.0.1:\(port)", configure: {
                $0.tls = try? ClientTLS(files: ClientTLSFiles(trustRoots: certificates.path("ca.pem")))
            }) { client in
                let answer = try await client.ping()
                #expect(answer == [])
            }
        }
    }

    /// SIGHUP's work: new connections get the renewed certificate, a call in
    /// flight on an old connection finishes on it.
    @Test func reloadSwapsTheCertificateForNewConnections() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let chain = certificates.path("live.pem")
        let key = certificates.path("live.key")
        try FileManager.default.copyItem(atPath: certificates.path("server.pem"), toPath: chain)
        try FileManager.default.copyItem(atPath: certificates.path("server.key"), toPath: key)
        let tls = try ServerTLS(files: ServerTLSFiles(certificateChain: chain, privateKey: key))
        let release = Latch()
        let started = Latch()
        let registry = testRegistry { registry in
            registry.unary(service: "test.Service", method: "Hold") { (request: PingRequest, _: CallContext) in
                started.open()
                await release.wait()
                return PingResponse(payload: request.payload)
            }
        }
        try await withServer({ $0.tls = tls }, registry: registry) { _, port in
            let clientTLS = try ClientTLS(files: ClientTLSFiles(trustRoots: certificates.path("ca.pem")))
            #expect(try await Self.serverCommonName(port: port, tls: clientTLS) == "localhost")
            try await withClient("tls:127.0.0.1:\(port)", configure: { $0.tls = clientTLS }) { client in
                async let held = client.unary(
                    service: "test.Service", method: "Hold", request: PingRequest(payload: [7]),
                    responseType: PingResponse.self, options: CallOptions(timeout: .seconds(10)))
                await started.wait()
                try FileManager.default.removeItem(atPath: chain)
                try FileManager.default.removeItem(atPath: key)
                try FileManager.default.copyItem(atPath: certificates.path("server2.pem"), toPath: chain)
                try FileManager.default.copyItem(atPath: certificates.path("server2.key"), toPath: key)
                try tls.reload()
                #expect(try await Self.serverCommonName(port: port, tls: clientTLS) == "localhost-renewed")
                release.open()
                #expect(try await held.payload == [7])
            }
            // A reload from broken files keeps the certificate in use.
            try Data("not a key".utf8).write(to: URL(fileURLWithPath: key))
            #expect(throws: TLSSetupError.self) { try tls.reload() }
            #expect(try await Self.serverCommonName(port: port, tls: clientTLS) == "localhost-renewed")
        }
    }

    @Test func badFilesAreNamedInTheError() throws {
        let missing = #expect(throws: TLSSetupError.self) {
            try ServerTLS(files: ServerTLSFiles(certificateChain: "/nonexistent/cert.pem", privateKey: "/nonexistent/key.pem"))
        }
        #expect(missing?.description == "TLS certificate /nonexistent/cert.pem: No such file or directory")
        let half = #expect(throws: TLSSetupError.self) {
            try ClientTLS(files: ClientTLSFiles(certificateChain: "/etc/hostname"))
        }
        #expect(half?.reason == "given without its private key")
        let notPEM = #expect(throws: TLSSetupError.self) {
            try ClientTLS(files: ClientTLSFiles(trustRoots: "/etc/hostname"))
        }
        #expect(notPEM?.role == "CA")
    }

    /// The common name of the certificate a server presents to a new connection.
    static func serverCommonName(port: Int, tls: ClientTLS) async throws -> String? {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let handshake = loop.makePromise(of: Void.self)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(tls.makeHandler(serverName: nil))
                        try channel.pipeline.syncOperations.addHandler(TLSHandshakeWaiter(peer: "test", handshake: handshake))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
        } catch {
            handshake.fail(error)
            throw error
        }
        defer { channel.close(promise: nil) }
        try await handshake.futureResult.get()
        let certificate = try await channel.nioSSL_peerCertificate().get()
        return certificate.flatMap { CertificateIdentity($0).commonName }
    }
}

/// Opens once; everyone waiting then (or later) goes on.
final class Latch: Sendable {
    private let state = NIOLockedValueBox<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func open() {
        let waiters = self.state.withLockedValue { state in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let isOpen = self.state.withLockedValue { state in
                if !state.isOpen { state.waiters.append(continuation) }
                return state.isOpen
            }
            if isOpen { continuation.resume() }
        }
    }
}
