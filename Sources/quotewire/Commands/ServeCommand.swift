import ArgumentParser

/// `quotewire serve`: stub until the RPC issue lands.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the ttrpc API (not yet implemented).")

    func run() async throws {
        throw ValidationError("serve is not implemented yet")
    }
}
