import NIOCore
import QuotewireRPC
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

/// What `quotewire serve` runs in its `ServiceGroup`: binds the server and
/// the metrics listener, announces them, and serves until the group shuts
/// down gracefully (the group traps SIGTERM and SIGINT).
///
/// The start-up line is logged only here, once the group has registered
/// its signal handlers and this service has registered its own: a
/// supervisor may signal as soon as it sees the line, and a signal sent
/// before the registration would be lost. A second signal during the drain
/// exits at once.
struct ServeService: Service {
    let server: TTRPCServer
    /// Starts the metrics listener, if there is one.
    let startMetrics: @Sendable () async throws -> (any Channel)?
    /// Logs the start-up line with the server's and the metrics listener's addresses.
    let announce: @Sendable ([SocketAddress], (any Channel)?) -> Void
    /// Called once per SIGHUP: `serve` re-reads what the server reads from
    /// files (certificate and key, token file) through ``ServeReloader``.
    var reload: (@Sendable () -> Void)?

    func run() async throws {
        let addresses = try await self.server.start()
        let metrics: (any Channel)?
        do {
            metrics = try await self.startMetrics()
        } catch {
            self.server.initiateGracefulShutdown()
            try? await self.server.run()
            throw error
        }
        let trapped: [UnixSignal] = self.reload == nil ? [.sigterm, .sigint] : [.sigterm, .sigint, .sighup]
        let signals = await UnixSignalsSequence(trapping: trapped)
        self.announce(addresses, metrics)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await self.watch(signals) }
            try await self.server.run()
            group.cancelAll()
        }
        try? await metrics?.close()
    }

    /// The group drains on the first SIGTERM/SIGINT; this says so, exits at
    /// once on the second, and passes SIGHUP to ``reload``. Ends when the
    /// server has stopped (the task is cancelled).
    private func watch(_ signals: UnixSignalsSequence) async {
        var received = 0
        for await signal in signals {
            if signal == .sighup {
                self.reload?()
                continue
            }
            received += 1
            if received == 1 {
                printError("quotewire: draining (signal \(signal.rawValue)); send it again to exit now")
            } else {
                printError("quotewire: exiting without draining")
                exit(1)
            }
        }
    }
}
