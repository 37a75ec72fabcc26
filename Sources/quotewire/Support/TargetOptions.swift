import ArgumentParser
import QuotewireModel
import QuotewireRPC

/// `--local`, or the server to call (`--server`).
struct TargetOptions: ParsableArguments {
    @Flag(help: "Analyze in this process instead of calling a server.")
    var local = false

    @OptionGroup var server: ServerOptions

    @Option(help: "Deadline of each call to the server, e.g. 30s.")
    var timeout = DurationArgument(.seconds(30), text: "30s")

    /// The in-process analyzer, or a client of the server (checked reachable).
    func makeBackend(connections: Int = 1) async throws(CommandFailure) -> any AnalysisBackend {
        if local { return LocalAnalysisBackend() }
        let client = try server.makeClient(connectionsPerEndpoint: connections)
        do throws(RPCError) {
            _ = try await client.ping(options: CallOptions(timeout: timeout.duration, isIdempotent: true))
        } catch {
            await client.close()
            throw server.unreachable(error)
        }
        return RemoteAnalysisBackend(client: client, timeout: timeout.duration)
    }
}

/// Analyzes through a Quotewire server.
struct RemoteAnalysisBackend: AnalysisBackend {
    let client: TTRPCClient
    let timeout: Duration

    func analyze(_ request: AnalyzeRequest) async throws -> AnalyzeResponse {
        try await client.analyze(request, options: CallOptions(timeout: timeout, isIdempotent: true))
    }

    func close() async {
        await client.close()
    }
}
