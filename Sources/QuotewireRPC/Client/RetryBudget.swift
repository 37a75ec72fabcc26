import Synchronization

/// Bounds the retries of a client, so that an outage does not multiply the
/// traffic it receives: every retry spends a token, every successful call
/// earns ``RetryPolicy/budgetRefill`` of one, up to
/// ``RetryPolicy/budgetTokens``. With the budget spent a failed call is not
/// retried; it fails with its own status. Shared by all calls of a client.
final class RetryBudget: Sendable {
    /// Tokens in thousandths.
    private let milliTokens: Atomic<Int>
    private let capacity: Int
    private let refill: Int

    init(_ policy: RetryPolicy) {
        self.capacity = policy.budgetTokens * 1000
        self.refill = Int((policy.budgetRefill * 1000).rounded())
        self.milliTokens = Atomic(self.capacity)
    }

    /// A call succeeded: earns a fraction of a token.
    func recordSuccess() {
        guard self.refill > 0, self.milliTokens.load(ordering: .relaxed) < self.capacity else { return }
        let after = self.milliTokens.wrappingAdd(self.refill, ordering: .relaxed).newValue
        if after > self.capacity { self.milliTokens.wrappingSubtract(after - self.capacity, ordering: .relaxed) }
    }

    /// Spends a token for a retry; false when none is left.
    func withdraw() -> Bool {
        var current = self.milliTokens.load(ordering: .relaxed)
        while current >= 1000 {
            let (exchanged, original) = self.milliTokens.compareExchange(
                expected: current, desired: current - 1000, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }
}
