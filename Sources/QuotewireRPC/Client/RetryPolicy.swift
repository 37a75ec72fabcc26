/// How a client retries calls the server answered (or could not be reached
/// for) with UNAVAILABLE: only calls marked idempotent, a bounded number of
/// times, each retry going to the next endpoint in round-robin order.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts, the first included (1 disables retries).
    public var maxAttempts: Int
    /// Delay between attempts.
    public var backoff: Backoff

    public init(maxAttempts: Int = 3, backoff: Backoff = Backoff(initial: .milliseconds(20), maximum: .seconds(1))) {
        self.maxAttempts = max(1, maxAttempts)
        self.backoff = backoff
    }

    /// Never retry.
    public static let none = RetryPolicy(maxAttempts: 1)
}
