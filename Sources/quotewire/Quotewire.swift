import ArgumentParser
import Foundation

/// The `quotewire` command: serves, analyzes, evaluates and load-tests.
@main
struct Quotewire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotewire",
        abstract: "Who said what, and who demands what of whom, in English news articles.",
        version: QuotewireVersion.current,
        subcommands: [Serve.self, Analyze.self, Health.self, Info.self, Eval.self, Load.self, Bench.self]
    )

    /// Options that `QUOTEWIRE_*` environment variables may set, by subcommand.
    static let environment = EnvironmentArguments(options: ["serve": Serve.environmentOptions])

    static func main() async {
        let arguments = environment.apply(
            to: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
        await main(arguments)
    }
}

/// The version every command and the Info RPC report.
enum QuotewireVersion {
    static let current = "0.1.0"
}
