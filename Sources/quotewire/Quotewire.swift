import ArgumentParser

/// The `quotewire` command: serves, analyzes, evaluates and load-tests.
@main
struct Quotewire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotewire",
        abstract: "Who said what, and who demands what of whom, in English news articles.",
        version: QuotewireVersion.current,
        subcommands: [Serve.self, Analyze.self, Eval.self, Bench.self]
    )
}

/// The version every command and the Info RPC report.
enum QuotewireVersion {
    static let current = "0.1.0"
}
