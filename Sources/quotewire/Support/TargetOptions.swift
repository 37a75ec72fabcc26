import ArgumentParser

/// `--local`, or the server to call.
struct TargetOptions: ParsableArguments {
    @Flag(help: "Analyze in this process instead of calling a server.")
    var local = false

    func makeBackend() async throws -> any AnalysisBackend {
        LocalAnalysisBackend()
    }
}
