import ArgumentParser

/// `quotewire eval`: stub until the analysis-core issue lands.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate on a brat folder (not yet implemented).")

    func run() async throws {
        throw ValidationError("eval is not implemented yet")
    }
}
