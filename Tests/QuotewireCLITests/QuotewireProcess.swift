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

    /// Runs `quotewire arguments…` (or another `program`) to completion (killed after `timeout`).
    static func run(
        _ arguments: [String], stdin: String? = nil, stdinPath: String? = nil, environment: [String: String] = [:],
        timeout: Duration = .seconds(60), program: URL? = nil
    ) async throws -> Outcome {
        let process = Process()
        process.executableURL = program ?? executable
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
        // `stdinPath`: standard input is that file (or folder) itself, not a pipe.
        let stdinFile = stdinPath.flatMap { FileHandle(forReadingAtPath: $0) }
        process.standardInput = stdinFile ?? input
        let exited = ProcessExit(process)
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        async let outText = onOwnThread { try readToEnd(output.fileHandleForReading) }
        async let errText = onOwnThread { try readToEnd(errors.fileHandleForReading) }
        if await !exited.wait(timeout: timeout) {
            process.terminate()
            Issue.record("quotewire \(arguments.joined(separator: " ")) did not finish in \(timeout)")
            _ = await exited.wait(timeout: .seconds(10))
        }
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: try await outText, as: UTF8.self),
            stderr: String(decoding: try await errText, as: UTF8.self))
    }
}

/// A `quotewire serve` child process on ephemeral ports.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let errors = Pipe()
    private let lock = NSLock()
    private var stderrText = ""
    /// Waiters for text on standard error, resumed by the pipe's handler.
    private var outputWaiters: [(pattern: String, resume: (Bool) -> Void)] = []
    private let exited: ProcessExit
    /// `127.0.0.1:PORT` of the ttrpc listener.
    private(set) var address = ""
    /// The Prometheus port, when --metrics-port was given.
    private(set) var metricsPort: Int?

    /// Starts `quotewire serve --port 0 extra…` (with `environment` added to
    /// this process's) and waits for its start-up line (an event: the pipe's
    /// handler sees it), at most 60 s.
    init(_ extra: [String] = [], environment: [String: String] = [:]) async throws {
        process.executableURL = QuotewireProcess.executable
        process.arguments = ["serve", "--port", "0"] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        exited = ProcessExit(process)
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            let ready = self.lock.withLock { () -> [(Bool) -> Void] in
                if data.isEmpty {
                    // End of file: the process is gone, nothing more will come.
                    defer { self.outputWaiters = [] }
                    return self.outputWaiters.map { waiter in { _ in waiter.resume(false) } }
                }
                self.stderrText += String(decoding: data, as: UTF8.self)
                let text = self.stderrText
                let (met, waiting) = self.outputWaiters.reduce(into: ([(pattern: String, resume: (Bool) -> Void)](), [(pattern: String, resume: (Bool) -> Void)]())) {
                    if text.contains($1.pattern) { $0.0.append($1) } else { $0.1.append($1) }
                }
                self.outputWaiters = waiting
                return met.map { waiter in { _ in waiter.resume(true) } }
            }
            for resume in ready { resume(true) }
            if data.isEmpty { handle.readabilityHandler = nil }
        }
        try process.run()
        guard await self.waitForOutput("serving ttrpc on ", timeout: .seconds(60)) else {
            process.terminate()
            throw ServerStartFailure(stderr: lock.withLock { stderrText })
        }
        let text = lock.withLock { stderrText }
        guard let match = text.firstMatch(of: /serving ttrpc on (127\.0\.0\.1:\d+)/) else {
            process.terminate()
            throw ServerStartFailure(stderr: text)
        }
        address = String(match.1)
        if let metrics = text.firstMatch(of: /metrics on http:\/\/[0-9.]+:(\d+)/) {
            metricsPort = Int(metrics.1)
        }
    }

    /// Waits until standard error contains `pattern` (true), the server's
    /// standard error closes or `timeout` passes (false).
    func waitForOutput(_ pattern: String, timeout: Duration = .seconds(60)) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let once = ResumeOnce(continuation)
            let alreadyThere = self.lock.withLock { () -> Bool in
                if self.stderrText.contains(pattern) { return true }
                self.outputWaiters.append((pattern, { once.resume($0) }))
                return false
            }
            if alreadyThere { once.resume(true) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.timeInterval) { once.resume(false) }
        }
    }

    /// Everything the server wrote to standard error so far.
    var stderr: String { lock.withLock { stderrText } }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to exit (SIGKILL after `timeout`); returns its status.
    func waitForExit(timeout: Duration = .seconds(30)) async -> Int32 {
        if await !self.exited.wait(timeout: timeout) {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("the server did not exit in \(timeout)")
            _ = await self.exited.wait(timeout: .seconds(10))
        }
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

/// A process's exit as an event: its termination handler resumes the waiters.
final class ProcessExit: @unchecked Sendable {
    private let lock = NSLock()
    private var hasExited = false
    private var waiters: [ResumeOnce] = []

    /// Installs the termination handler; call before `run()`.
    init(_ process: Process) {
        process.terminationHandler = { [self] _ in
            let waiters = self.lock.withLock { () -> [ResumeOnce] in
                self.hasExited = true
                defer { self.waiters = [] }
                return self.waiters
            }
            for waiter in waiters { waiter.resume(true) }
        }
    }

    /// Whether the process exited within `timeout`.
    func wait(timeout: Duration) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let once = ResumeOnce(continuation)
            let exited = self.lock.withLock { () -> Bool in
                if !self.hasExited { self.waiters.append(once) }
                return self.hasExited
            }
            if exited { once.resume(true) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.timeInterval) { once.resume(false) }
        }
    }
}

/// A continuation resumed by whichever of its events comes first.
final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Bool, Never>?

    init(_ continuation: CheckedContinuation<Bool, Never>) {
        self.continuation = continuation
    }

    func resume(_ value: Bool) {
        let continuation = self.lock.withLock { () -> CheckedContinuation<Bool, Never>? in
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume(returning: value)
    }
}

extension Duration {
    /// The duration in seconds, for Dispatch.
    var timeInterval: Double {
        Double(self.components.seconds) + Double(self.components.attoseconds) / 1e18
    }
}

/// Reads a pipe to its end, retrying a read a signal interrupted (the child's SIGCHLD, on a busy
/// machine): Foundation's `readDataToEndOfFile` traps on any read error, which took the whole
/// test process down once.
func readToEnd(_ handle: FileHandle) throws -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            data.append(contentsOf: buffer[..<count])
        } else if count == 0 {
            return data
        } else if errno != EINTR {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}
