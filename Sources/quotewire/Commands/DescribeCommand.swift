import ArgumentParser
import QuotewireModel
import QuotewireRPC

/// `quotewire describe [SERVICE[/METHOD]]`: what a server offers, with message schemas.
struct Describe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a server's services and methods, with their request and response messages.",
        discussion: """
            The services and methods come from the server's Info; the messages from the contract this \
            quotewire was built with. With SERVICE, only its methods; with SERVICE/METHOD, that method \
            and the full definition of its messages.
            """
    )

    @Argument(help: "A service, or SERVICE/METHOD.")
    var name: String?

    @OptionGroup var server: ServerOptions

    @Option(help: "Deadline of the Info call, e.g. 2s.")
    var timeout = DurationArgument(.seconds(5), text: "5s")

    func run() async throws {
        try await CommandFailure.reporting {
            print(try describe(try await server.fetchInfo(timeout: timeout.duration)))
        }
    }

    func describe(_ info: InfoResponse) throws(CommandFailure) -> String {
        let parts = name.map { $0.split(separator: "/", omittingEmptySubsequences: false).map(String.init) } ?? []
        let services = info.services.filter { parts.isEmpty || $0.name == parts[0] }
        guard !services.isEmpty else {
            throw CommandFailure(
                message: "the server at \(server.server) has no service \(parts[0]) (it has \(info.services.map(\.name).joined(separator: ", ")))",
                status: ExitStatus.partialFailure)
        }
        var lines: [String] = []
        for service in services {
            lines.append("service \(service.name) {")
            let methods = service.methods.filter { parts.count < 2 || $0 == parts[1] }
            if parts.count == 2, methods.isEmpty {
                throw CommandFailure(
                    message: "\(service.name) has no method \(parts[1]) (it has \(service.methods.joined(separator: ", ")))",
                    status: ExitStatus.partialFailure)
            }
            for method in methods {
                guard let known = CallableMethod.named(service: service.name, method: method) else {
                    lines.append("  rpc \(method)  // messages unknown to this quotewire")
                    continue
                }
                let stream = known.isStreaming ? "stream " : ""
                lines.append("  rpc \(method)(\(stream)\(known.requestType)) returns (\(stream)\(known.responseType));")
            }
            lines.append("}")
            if parts.count == 2, let method = methods.first, let known = CallableMethod.named(service: service.name, method: method) {
                var seen: Set<String> = []
                for definition in MessageSchema.definitions(of: known.requestType) + MessageSchema.definitions(of: known.responseType)
                where seen.insert(definition).inserted {
                    lines.append("")
                    lines.append(definition)
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
