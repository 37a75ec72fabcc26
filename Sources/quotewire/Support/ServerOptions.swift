import ArgumentParser
import Foundation
import QuotewireModel
import QuotewireRPC

/// `--server`: where the service runs.
struct ServerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "host:port, unix:/path, a comma-separated list of them, or dns:name:port (every address of the name).",
            discussion: "Defaults to $QUOTEWIRE_SERVER, else 127.0.0.1:7807."))
    var server: String = ProcessInfo.processInfo.environment["QUOTEWIRE_SERVER"] ?? "127.0.0.1:7807"

    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp(
            "A file whose first token line is sent as 'authorization: Bearer TOKEN' on every call.",
            discussion: "Blank lines and # comments are skipped. Defaults to $QUOTEWIRE_TOKEN_FILE.",
            valueName: "file"))
    var tokenFileOption: String?

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
