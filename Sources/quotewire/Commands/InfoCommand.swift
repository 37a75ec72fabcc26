import ArgumentParser
import QuotewireModel
import QuotewireRPC

/// `quotewire info`: version, services and methods, limits of a running server.
struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a running server's version, services and limits.")

    @OptionGroup var server: ServerOptions

    @Flag(help: "Print the proto3 JSON of the InfoResponse.")
    var json = false

    @Option(help: "Deadline of the call, e.g. 2s.")
    var timeout = DurationArgument(.seconds(5), text: "5s")

    func run() async throws {
        try await CommandFailure.reporting {
            let info = try await server.fetchInfo(timeout: timeout.duration)
            if json {
                print(info.jsonString(pretty: true))
                return
            }
            print("quotewire \(info.version) at \(server.server)")
            print("services:")
            for service in info.services {
                print("  \(service.name): \(service.methods.joined(separator: ", "))")
            }
            if let limits = info.limits {
                print("limits:")
                print("  max frame bytes:             \(limits.maxFrameBytes)")
                print("  max connections:             \(limits.maxConnections)")
                print("  max streams per connection:  \(limits.maxStreamsPerConnection)")
                print("  idle timeout:                \(limits.idleTimeoutMillis == 0 ? "none" : "\(limits.idleTimeoutMillis) ms")")
                print("  shutdown grace:              \(limits.shutdownGraceMillis) ms")
            }
        }
    }
}
