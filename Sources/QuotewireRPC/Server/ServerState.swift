import NIOCore
import NIOConcurrencyHelpers
import Synchronization

/// State shared by a server and its connection handlers: whether it drains,
/// and the open connections (for the connection limit and for shutdown).
final class ServerState: Sendable {
    private let draining = Atomic<Bool>(false)
    private let tasks = Atomic<Int>(0)
    private let jobs = AsyncStream.makeStream(of: HandlerJob.self)
    private let calls = Atomic<Int>(0)
    private let connections = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])
    let maxConnections: Int

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    /// Whether a graceful shutdown has started.
    var isDraining: Bool {
        self.draining.load(ordering: .relaxed)
    }

    func beginDraining() {
        self.draining.store(true, ordering: .relaxed)
    }

    /// Handler jobs (asynchronous and streaming calls) that have not yet
    /// handed their result to the event loop.
    var runningTasks: Int {
        self.tasks.load(ordering: .relaxed)
    }

    func taskStarted() {
        self.tasks.add(1, ordering: .relaxed)
    }

    func taskFinished() {
        self.tasks.subtract(1, ordering: .relaxed)
    }

    /// Handler jobs for the server's ``TTRPCServer/run()`` to run as child tasks.
    var handlerJobs: AsyncStream<HandlerJob> {
        self.jobs.stream
    }

    /// Hands a job to the server's run; `false` once the server no longer
    /// runs handlers (it shut down).
    func submit(_ job: HandlerJob) -> Bool {
        if case .enqueued = self.jobs.continuation.yield(job) { return true }
        return false
    }

    /// No more jobs: the server's run ends once the running ones have.
    func finishHandlerJobs() {
        self.jobs.continuation.finish()
    }

    /// Calls in the connections' tables (answered later than during their
    /// read: offloaded, asynchronous and streaming calls).
    var liveCalls: Int {
        self.calls.load(ordering: .relaxed)
    }

    func callsStarted(_ count: Int) {
        self.calls.add(count, ordering: .relaxed)
    }

    func callsEnded(_ count: Int) {
        self.calls.subtract(count, ordering: .relaxed)
    }

    /// Adds a connection unless the limit is reached or the server drains.
    func tryAddConnection(_ channel: any Channel) -> Bool {
        self.connections.withLockedValue { connections in
            guard connections.count < self.maxConnections, !self.isDraining else { return false }
            connections[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    func removeConnection(_ channel: any Channel) {
        _ = self.connections.withLockedValue { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    var openConnections: [any Channel] {
        self.connections.withLockedValue { Array($0.values) }
    }
}

/// Tells a connection that the shutdown grace period is over: answer every
/// call still in flight UNAVAILABLE and close.
struct ForceCloseEvent: Sendable {}
