import Synchronization

/// Set once when the work for a call is no longer wanted (the call was
/// answered: deadline, cancel, disconnect, shutdown); long work checks it
/// and stops. Safe to share between threads.
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool {
        self.cancelled.load(ordering: .relaxed)
    }

    /// Marks the work as unwanted; calling it again does nothing.
    public func cancel() {
        self.cancelled.store(true, ordering: .relaxed)
    }
}
