import ArgumentParser
import Foundation
import QuotewireModel
import QuotewireRPC

/// `--server`: where the service runs.
struct ServerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "host:port, tls:host:port, unix:/path, a comma-separated list of them, or dns:name:port (every address of the name).",
            discussion: "Defaults to $QUOTEWIRE_SERVER, else 127.0.0.1:7807."))
    var server: String = ProcessInfo.processInfo.environment["QUOTEWIRE_SERVER"] ?? "127.0.0.1:7807"

    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp(
            "A file whose first token line is sent as 'authorization: Bearer TOKEN' on every call.",
            discussion: "Blank lines and # comments are skipped. Defaults to $QUOTEWIRE_TOKEN_FILE.",
            valueName: "file"))
    var tokenFileOption: String?

    @Flag(help: "Speak TLS to every TCP endpoint (any other --tls-* option implies it; tls:host:port asks for it per endpoint).")
    var tls = false

    @Option(
        name: .customLong("tls-ca"),
        help: ArgumentHelp("PEM CA bundle the server's certificate must chain to (default: the system's CAs).", valueName: "file"))
    var tlsCA: String?

    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp("PEM certificate chain presented to the server (mutual TLS; with --tls-key).", valueName: "file"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    @Option(
        name: .customLong("tls-server-name"),
        help: ArgumentHelp("Name the server's certificate must carry (default: the host of the address).", valueName: "name"))
    var tlsServerName: String?

    /// The TLS of the `--tls*` options, `nil` when none is given; a file that
    /// cannot be used exits 66 naming it.
    func makeTLS() throws(CommandFailure) -> ClientTLS? {
        guard tls || tlsCA != nil || tlsCert != nil || tlsKey != nil || tlsServerName != nil else { return nil }
        do {
            return try ClientTLS(
                files: ClientTLSFiles(trustRoots: tlsCA, certificateChain: tlsCert, privateKey: tlsKey, serverName: tlsServerName))
        } catch {
            throw CommandFailure(message: "\(error)", status: ExitStatus.noInput)
        }
    }

    /// `--token-file`, else `$QUOTEWIRE_TOKEN_FILE`.
    var tokenFile: String? {
        tokenFileOption ?? ProcessInfo.processInfo.environment["QUOTEWIRE_TOKEN_FILE"]
    }

    /// A client of the server; a malformed address is a usage error.
    func makeClient(
        connectionsPerEndpoint: Int = 1, threads: Int = 1, configure: (inout ClientConfiguration) -> Void = { _ in }
    ) throws(CommandFailure) -> TTRPCClient {
        let target: ClientTarget
        do {
            target = try ClientTarget(parsing: server)
        } catch {
            throw CommandFailure(message: "--server \(server): \(error.message)", status: ExitStatus.usage)
        }
        var configuration = ClientConfiguration(
            target: target, connectionsPerEndpoint: connectionsPerEndpoint, threads: threads)
        configuration.eventLoopGroup = SharedEventLoops.group
        configuration.tls = try makeTLS()
        configure(&configuration)
        if let tokenFile {
            do {
                // TokenFile(contentsOf:) guarantees at least one token.
                configuration.setBearerToken(try TokenFile(contentsOf: tokenFile).tokens[0])
            } catch {
                throw CommandFailure(message: "--token-file: \(error)", status: ExitStatus.noInput)
            }
        }
        return TTRPCClient(configuration: configuration)
    }

    /// The server's version, services and limits (`Server/Info`).
    func fetchInfo(timeout: Duration) async throws(CommandFailure) -> InfoResponse {
        let client = try makeClient()
        do throws(RPCError) {
            let info = try await client.info(options: CallOptions(timeout: timeout, isIdempotent: true))
            await client.close()
            return info
        } catch {
            await client.close()
            throw unreachable(error)
        }
    }

    /// The failure for a call that did not succeed, naming the address; a
    /// refused credential says how to give one.
    func unreachable(_ error: RPCError) -> CommandFailure {
        if error.code == .unauthenticated {
            let hint = tokenFile == nil ? " (pass --token-file FILE)" : " (check --token-file \(tokenFile ?? ""))"
            return CommandFailure(
                message: "the server at \(server) refused the call: \(error.message)\(hint)",
                status: ExitStatus.noPermission)
        }
        return CommandFailure(
            message: "cannot reach the server at \(server): \(error.message)", status: ExitStatus.unavailable)
    }
}
