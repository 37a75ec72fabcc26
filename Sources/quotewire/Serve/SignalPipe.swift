import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Catches SIGTERM and SIGINT without a window in which they are lost: a C handler, installed at
/// once, writes each signal's number into a pipe, and a Dispatch source reads the pipe. (A
/// `DispatchSourceSignal` with the signal set to `SIG_IGN` registers asynchronously: a signal sent
/// right after it is created, as a supervisor may send one right after the start-up line, can be
/// discarded — seen under load.)
final class SignalPipe: @unchecked Sendable {
    private let source: any DispatchSourceRead
    private let readEnd: Int32

    /// Installs the handlers; `onSignal` runs on a private queue, once per signal received.
    init?(signals: [Int32], onSignal: @escaping @Sendable (Int32) -> Void) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        self.readEnd = ends[0]
        signalPipeWriteEnd = ends[1]
        let flags = fcntl(ends[1], F_GETFL)
        _ = fcntl(ends[1], F_SETFL, flags | O_NONBLOCK)
        let readEnd = ends[0]
        self.source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: DispatchQueue(label: "quotewire.signals"))
        self.source.setEventHandler {
            var bytes = [UInt8](repeating: 0, count: 16)
            let count = read(readEnd, &bytes, bytes.count)
            guard count > 0 else { return }
            for byte in bytes.prefix(count) { onSignal(Int32(byte)) }
        }
        self.source.resume()
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = writeSignalNumber
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }

    /// Stops reading; the handlers stay installed (the process is about to exit).
    func cancel() {
        self.source.cancel()
    }
}

/// The write end of the pipe, set once before any handler is installed.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// The signal handler: one `write(2)` of the signal number, which is async-signal-safe.
private func writeSignalNumber(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd, &byte, 1)
}
