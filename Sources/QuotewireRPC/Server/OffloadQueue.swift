import NIOCore
import NIOPosix
import QuotewireModel
import struct NIOConcurrencyHelpers.NIOLockedValueBox
import Synchronization

/// The server's thread pool for CPU-bound handler work, bounded by the bytes
/// of work it holds (queued or running): beyond the bound work is refused
/// RESOURCE_EXHAUSTED at once instead of queuing, and a job whose call was
/// answered before it started is dropped unrun.
///
/// Jobs wait here, not in the pool's FIFO queue: a ``FairScheduler`` hands
/// the pool one job per free thread, taken from the connection with the
/// fewest jobs running, so an honest call waits for a thread to free, not
/// for another connection's backlog; and the pool has one thread more than
/// that for jobs under ``expressJobBytes``, so a small call never waits for
/// a large one at all.
final class OffloadQueue: Sendable {
    private let pool: NIOThreadPool
    private let scheduler: NIOLockedValueBox<FairScheduler<@Sendable (NIOThreadPool.WorkItemState) -> Void>>
    private let heldBytes = Atomic<Int>(0)
    /// The most bytes of work held at once.
    let limit: Int
    private let observer: (any ServerObserver)?

    /// Jobs of fewer bytes may also run on the express thread.
    static let expressJobBytes = 64 << 10

    /// - Parameter threads: the pool's threads for any job; `pool` must have
    ///   one more, the express thread for small jobs.
    init(pool: NIOThreadPool, threads: Int, limit: Int, observer: (any ServerObserver)?) {
        self.pool = pool
        self.scheduler = NIOLockedValueBox(FairScheduler(slots: threads, expressSlots: 1))
        self.limit = limit
        self.observer = observer
    }

    /// Runs `work` on the pool unless `cost` bytes would pass the server's
    /// bound or the connection's `share` of it (then fails RESOURCE_EXHAUSTED
    /// at once) or `cancellation` is set when its turn comes (then fails
    /// CANCELLED without running it).
    func submit<T: Sendable>(
        cost: Int, share: WorkShare, cancellation: CancellationFlag, on eventLoop: any EventLoop,
        _ work: @escaping @Sendable () throws -> T
    ) -> EventLoopFuture<T> {
        let charged = max(1, cost)
        let (admittedByConnection, heldByConnection) = share.bytes.reserve(charged, limit: share.limit)
        guard admittedByConnection else {
            self.observer?.limitReached(.queuedWorkBytes)
            return eventLoop.makeFailedFuture(
                RPCError(
                    code: .resourceExhausted,
                    message: "this connection holds \(heldByConnection) bytes of work, over its limit of \(share.limit); retry later"))
        }
        let (admitted, held) = self.heldBytes.reserve(charged, limit: self.limit)
        guard admitted else {
            share.bytes.subtract(charged, ordering: .relaxed)
            self.observer?.limitReached(.queuedWorkBytes)
            return eventLoop.makeFailedFuture(
                RPCError(
                    code: .resourceExhausted,
                    message: "the server holds \(held) bytes of work, over its limit of \(self.limit); retry later"))
        }
        let queue = self
        let party = ObjectIdentifier(share)
        let promise = eventLoop.makePromise(of: T.self)
        let job: @Sendable (NIOThreadPool.WorkItemState) -> Void = { state in
            defer {
                queue.heldBytes.subtract(charged, ordering: .relaxed)
                share.bytes.subtract(charged, ordering: .relaxed)
                queue.start(queue.scheduler.withLockedValue { $0.finished(party: party) })
            }
            guard state == .active else { return promise.fail(NIOThreadPoolError.ThreadPoolInactive()) }
            guard !cancellation.isCancelled else { return promise.fail(CancellationError()) }
            promise.completeWith(Result { try work() })
        }
        let isSmall = charged < Self.expressJobBytes
        self.start(self.scheduler.withLockedValue { $0.enqueue(job, party: party, isSmall: isSmall) })
        return promise.futureResult
    }

    /// Hands jobs the scheduler chose to the pool (outside its lock); a
    /// stopped pool runs them at once with state `.cancelled`.
    private func start(_ jobs: [@Sendable (NIOThreadPool.WorkItemState) -> Void]) {
        for job in jobs { self.pool.submit(job) }
    }
}

/// One connection's part of the work bound, so that one client cannot take
/// the whole thread pool from the others.
final class WorkShare: Sendable {
    let bytes = Atomic<Int>(0)
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }
}

extension Atomic where Value == Int {
    /// Adds `amount` unless that passes `limit`; returns whether it did and
    /// the value before. One reservation is always admitted when nothing is
    /// held, however large, so that work above the bound can run alone.
    func reserve(_ amount: Int, limit: Int) -> (Bool, Int) {
        var current = self.load(ordering: .relaxed)
        while true {
            guard current == 0 || current + amount <= limit else { return (false, current) }
            let (exchanged, original) = self.compareExchange(
                expected: current, desired: current + amount, ordering: .relaxed)
            if exchanged { return (true, current) }
            current = original
        }
    }
}
