import Foundation
import Testing

/// The built `quotewire` executable run as a child process, as users run it.
struct QuotewireProcess {
    /// Where `swift build` put the executable: beside the test bundle.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidates = [
            directory.appendingPathComponent("quotewire"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("quotewire"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// The outcome of a command that ran to its end.
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `quotewire arguments…` to completion (killed after `timeout`).
    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        timeout: Duration = .seconds(60)
    ) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "QUOTEWIRE_SERVER")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        async let outText = readToEnd(output.fileHandleForReading)
        async let errText = readToEnd(errors.fileHandleForReading)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                Issue.record("quotewire \(arguments.joined(separator: " ")) did not finish in \(timeout)")
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: await outText, as: UTF8.self),
            stderr: String(decoding: await errText, as: UTF8.self))
    }
}

/// Everything a pipe delivers until it closes, read on a Dispatch thread: a
/// blocking read on Swift's cooperative pool (two threads here) would stall
/// every other suite's tasks for as long as the child runs.
private func readToEnd(_ handle: FileHandle) async -> Data {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
    }
}

/// A `quotewire serve` child process on ephemeral ports.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let errors = Pipe()
    private let lock = NSLock()
    private var stderrText = ""
    /// `127.0.0.1:PORT` of the ttrpc listener.
    private(set) var address = ""
    /// The Prometheus port, when --metrics-port was given.
    private(set) var metricsPort: Int?

    /// Starts `quotewire serve --port 0 extra…` (with `environment` added to
    /// this process's) and waits for its start-up line.
    init(_ extra: [String] = [], environment: [String: String] = [:]) async throws {
        process.executableURL = QuotewireProcess.executable
        process.arguments = ["serve", "--port", "0"] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.stderrText += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            let text = lock.withLock { stderrText }
            if let match = text.firstMatch(of: /serving ttrpc on (127\.0\.0\.1:\d+)/) {
                address = String(match.1)
                if let metrics = text.firstMatch(of: /metrics on http:\/\/[0-9.]+:(\d+)/) {
                    metricsPort = Int(metrics.1)
                }
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw ServerStartFailure(stderr: lock.withLock { stderrText })
    }

    /// Everything the server wrote to standard error so far.
    var stderr: String { lock.withLock { stderrText } }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to exit (SIGKILL after `timeout`); returns its status.
    func waitForExit(timeout: Duration = .seconds(30)) async -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("the server did not exit in \(timeout)")
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        errors.fileHandleForReading.readabilityHandler = nil
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

struct ServerStartFailure: Error, CustomStringConvertible {
    let stderr: String
    var description: String { "quotewire serve did not start: \(stderr)" }
}

/// A folder of files written for one test, removed afterwards.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("quotewire-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
