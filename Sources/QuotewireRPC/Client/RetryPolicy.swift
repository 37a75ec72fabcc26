/// How a client retries calls the server answered (or could not be reached
/// for) with UNAVAILABLE: only calls marked idempotent, a bounded number of
/// times, after a jittered backoff, each retry going to the next endpoint in
/// round-robin order, and only while the client's retry budget lasts (see
/// ``RetryBudget``): a retry spends a token, a successful call earns
/// ``budgetRefill`` of one.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts, the first included (1 disables retries).
    public var maxAttempts: Int
    /// Delay between attempts.
    public var backoff: Backoff
    /// Retries the client may make before successful calls have earned more.
    public var budgetTokens: Int
    /// Tokens a successful call earns (0.1: in the long run at most one retry per ten successes,
    /// beyond the initial ``budgetTokens``).
    public var budgetRefill: Double

    public init(
        maxAttempts: Int = 3, backoff: Backoff = Backoff(initial: .milliseconds(20), maximum: .seconds(1)),
        budgetTokens: Int = 100, budgetRefill: Double = 0.1
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.backoff = backoff
        self.budgetTokens = max(0, budgetTokens)
        self.budgetRefill = max(0, budgetRefill)
    }

    /// Never retry.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Whether a failure with `code` of attempt `attempt` (1 for the first) may be retried, budget aside.
    func allowsRetry(of code: StatusCode, attempt: Int, isIdempotent: Bool) -> Bool {
        code == .unavailable && isIdempotent && attempt < self.maxAttempts
    }
}
