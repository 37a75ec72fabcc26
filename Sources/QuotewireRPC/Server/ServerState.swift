import NIOCore
import NIOConcurrencyHelpers
import Synchronization

/// State shared by a server and its connection handlers: whether it drains,
/// and the open connections (for the connection limit and for shutdown).
final class ServerState: Sendable {
    private let draining = Atomic<Bool>(false)
    private let tasks = NIOLockedValueBox(TaskCount())
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

    /// Handler tasks that have not yet handed their result to the event loop;
    /// the event loops must outlive them.
    var runningTasks: Int {
        self.tasks.withLockedValue { $0.running }
    }

    func taskStarted() {
        self.tasks.withLockedValue { $0.running += 1 }
    }

    func taskFinished() {
        let waiters = self.tasks.withLockedValue { tasks -> [CheckedContinuation<Void, Never>] in
            tasks.running -= 1
            guard tasks.running == 0 else { return [] }
            defer { tasks.waiters = [:] }
            return Array(tasks.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once no handler task runs (at once when none does), or when
    /// the waiting task is cancelled.
    func waitUntilNoTasks() async {
        let id = self.tasks.withLockedValue { tasks in
            tasks.nextWaiter += 1
            return tasks.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = self.tasks.withLockedValue { tasks -> Bool in
                    if tasks.running == 0 || tasks.cancelledWaiters.remove(id) != nil { return true }
                    tasks.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = self.tasks.withLockedValue { tasks -> CheckedContinuation<Void, Never>? in
                guard let waiter = tasks.waiters.removeValue(forKey: id) else {
                    tasks.cancelledWaiters.insert(id)  // cancelled before it registered
                    return nil
                }
                return waiter
            }
            waiter?.resume()
        }
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

private struct TaskCount {
    var running = 0
    var nextWaiter: UInt64 = 0
    var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    var cancelledWaiters: Set<UInt64> = []
}

/// Tells a connection that the shutdown grace period is over: answer every
/// call still in flight UNAVAILABLE and close.
struct ForceCloseEvent: Sendable {}
