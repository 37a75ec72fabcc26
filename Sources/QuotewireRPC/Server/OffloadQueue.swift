import NIOCore
import NIOPosix
import QuotewireModel
import Synchronization

/// The server's thread pool for CPU-bound handler work, bounded by the bytes
/// of work it holds (queued or running): beyond the bound work is refused
/// RESOURCE_EXHAUSTED at once instead of queuing, and a job whose call was
/// answered before it started is dropped unrun.
final class OffloadQueue: Sendable {
    private let pool: NIOThreadPool
    private let heldBytes = Atomic<Int>(0)
    /// The most bytes of work held at once.
    let limit: Int
    private let observer: (any ServerObserver)?

    init(pool: NIOThreadPool, limit: Int, observer: (any ServerObserver)?) {
        self.pool = pool
        self.limit = limit
        self.observer = observer
    }

    /// Bytes of work queued or running.
    var held: Int {
        self.heldBytes.load(ordering: .relaxed)
    }

    /// Runs `work` on the pool unless `cost` bytes would pass the bound (then
    /// fails RESOURCE_EXHAUSTED at once) or `cancellation` is set when its
    /// turn comes (then fails CANCELLED without running it).
    func submit<T: Sendable>(
        cost: Int, cancellation: CancellationFlag, on eventLoop: any EventLoop,
        _ work: @escaping @Sendable () throws -> T
    ) -> EventLoopFuture<T> {
        let charged = max(1, cost)
        let (exchanged, held) = self.reserve(charged)
        guard exchanged else {
            self.observer?.limitReached(.queuedWorkBytes)
            return eventLoop.makeFailedFuture(
                RPCError(
                    code: .resourceExhausted,
                    message: "the server holds \(held) bytes of work, over its limit of \(self.limit); retry later"))
        }
        let heldBytes = self
        return self.pool.runIfActive(eventLoop: eventLoop) {
            defer { heldBytes.release(charged) }
            guard !cancellation.isCancelled else { throw CancellationError() }
            return try work()
        }.flatMapErrorThrowing { error in
            // Not run at all (the pool stopped): nothing released the bytes.
            if error is NIOThreadPoolError.ThreadPoolInactive { heldBytes.release(charged) }
            throw error
        }
    }

    /// The same, for a caller in a task.
    func run<T: Sendable>(
        cost: Int, cancellation: CancellationFlag, on eventLoop: any EventLoop,
        _ work: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await self.submit(cost: cost, cancellation: cancellation, on: eventLoop, work).get()
    }

    private func reserve(_ bytes: Int) -> (Bool, Int) {
        var current = self.heldBytes.load(ordering: .relaxed)
        while true {
            // One job is always admitted, however large, so that work above the bound can run alone.
            guard current == 0 || current + bytes <= self.limit else { return (false, current) }
            let (exchanged, original) = self.heldBytes.compareExchange(
                expected: current, desired: current + bytes, ordering: .relaxed)
            if exchanged { return (true, current) }
            current = original
        }
    }

    private func release(_ bytes: Int) {
        self.heldBytes.subtract(bytes, ordering: .relaxed)
    }
}
