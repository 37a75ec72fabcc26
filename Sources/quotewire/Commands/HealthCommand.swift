import ArgumentParser
import QuotewireModel
import QuotewireRPC

/// `quotewire health`: exit 0 when the server (or a service) is SERVING, 1 otherwise.
struct Health: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a server's health: exit 0 when SERVING, 1 otherwise (usable as a probe).")

    @OptionGroup var server: ServerOptions

    @Option(help: "The service to check, e.g. quotewire.v1.Analyzer (default: the whole server).")
    var service = ""

    @Option(help: "Deadline of the check, e.g. 2s.")
    var timeout = DurationArgument(.seconds(5), text: "5s")

    func run() async throws {
        try await CommandFailure.reporting {
            let client = try server.makeClient()
            let status: HealthCheckResponse.ServingStatus
            do throws(RPCError) {
                status = try await client.checkHealth(
                    service: service, options: CallOptions(timeout: timeout.duration, isIdempotent: true))
            } catch {
                await client.close()
                // A probe that cannot reach the server is simply not healthy: exit 1, naming the address.
                throw CommandFailure(
                    message: "cannot reach the server at \(server.server): \(error.message)",
                    status: ExitStatus.partialFailure)
            }
            await client.close()
            print(status.protobufName)
            if status != .serving { throw ExitStatus.partialFailure }
        }
    }
}
