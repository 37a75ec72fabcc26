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
        subcommands: [
            Serve.self, Analyze.self, Call.self, Describe.self, Health.self, Info.self, Eval.self, Train.self, Load.self,
            Bench.self,
        ]
    )

    /// Options that `QUOTEWIRE_*` environment variables may set, by subcommand.
    static let environment = EnvironmentArguments(options: ["serve": Serve.environmentOptions])

    /// Client commands, whose async code may run on NIO's event loops.
    static let clientCommands: Set<String> = ["analyze", "call", "describe", "health", "info", "eval", "load"]

    static func main() async {
        let arguments = environment.apply(
            to: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
        // What `AsyncParsableCommand.main` does, with the executor installed
        // between parsing and running: `load --threads` sizes the event loops.
        do {
            var command = try parseAsRoot(arguments)
            if let name = arguments.first, clientCommands.contains(name) {
                // Calls then resume on the event loop that read their answer, with no
                // hop to Swift Concurrency's own threads: a large saving per call. Not
                // for `serve`, whose tasks may compute and must not hold up I/O.
                SharedEventLoops.installAsConcurrencyExecutor(threads: (command as? Load)?.threads)
            }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
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

    /// - Parameter threads: event loop threads; nil for one per core.
    static func installAsConcurrencyExecutor(threads: Int? = nil) {
        if let threads { NIOSingletons.groupLoopCountSuggestion = threads }
        if NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() {
            group = MultiThreadedEventLoopGroup.singleton
        }
    }
}
