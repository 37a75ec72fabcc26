import ArgumentParser
import Foundation
import QuotewireRPC

/// `--server`: where the service runs.
struct ServerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "host:port, unix:/path, a comma-separated list of them, or dns:name:port (every address of the name).",
            discussion: "Defaults to $QUOTEWIRE_SERVER, else 127.0.0.1:7807."))
    var server: String = ProcessInfo.processInfo.environment["QUOTEWIRE_SERVER"] ?? "127.0.0.1:7807"

    /// A client of the server; a malformed address is a usage error.
    func makeClient(connectionsPerEndpoint: Int = 1, threads: Int = 1) throws(CommandFailure) -> TTRPCClient {
        let target: ClientTarget
        do {
            target = try ClientTarget(parsing: server)
        } catch {
            throw CommandFailure(message: "--server \(server): \(error.message)", status: ExitStatus.usage)
        }
        var configuration = ClientConfiguration(
            target: target, connectionsPerEndpoint: connectionsPerEndpoint, threads: threads)
        configuration.eventLoopGroup = SharedEventLoops.group
        return TTRPCClient(configuration: configuration)
    }

    /// The failure for a call that did not reach the server, naming the address.
    func unreachable(_ error: RPCError) -> CommandFailure {
        CommandFailure(message: "cannot reach the server at \(server): \(error.message)", status: ExitStatus.unavailable)
    }
}
