import ArgumentParser

/// Exit statuses, following sysexits(3) where one fits.
enum ExitStatus {
    /// Some articles failed; the others were analyzed.
    static let partialFailure = ExitCode(1)
    /// The command line was wrong (ArgumentParser uses 64 for validation errors too).
    static let usage = ExitCode(64)
    /// An input file or folder does not exist or cannot be read.
    static let noInput = ExitCode(66)
    /// The server could not be reached.
    static let unavailable = ExitCode(69)
    /// The server refused the credentials (or their absence).
    static let noPermission = ExitCode(77)
    /// Something failed inside this program.
    static let software = ExitCode(70)
    /// An output file cannot be created.
    static let cannotCreate = ExitCode(73)
    /// Writing the output failed (disk full, closed pipe, ...).
    static let ioError = ExitCode(74)
}

/// An error that ends a command with a message on stderr and an exit status.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let status: ExitCode

    var description: String { message }
}

extension CommandFailure {
    /// Runs a command body; a CommandFailure becomes its message on stderr
    /// and its exit status.
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            printError("quotewire: \(failure.message)")
            throw failure.status
        }
    }
}
