import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

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

    /// Client commands, whose async code may run on NIO's event loops.
    static let clientCommands: Set<String> = ["analyze", "health", "info", "eval", "load"]

    static func main() async {
        let arguments = environment.apply(
            to: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
        if let command = arguments.first, clientCommands.contains(command) {
            // Calls then resume on the event loop that read their answer, with no
            // hop to Swift Concurrency's own threads: a large saving per call. Not
            // for `serve`, whose tasks may compute and must not hold up I/O.
            SharedEventLoops.installAsConcurrencyExecutor()
        }
        await main(arguments)
    }
}

/// The version every command and the Info RPC report.
enum QuotewireVersion {
    static let current = "0.1.0"
}

/// NIO's singleton event loops, shared by every client the CLI makes when
/// they are also Swift Concurrency's executor.
enum SharedEventLoops {
    nonisolated(unsafe) private(set) static var group: MultiThreadedEventLoopGroup?

    static func installAsConcurrencyExecutor() {
        if NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() {
            group = MultiThreadedEventLoopGroup.singleton
        }
    }
}
