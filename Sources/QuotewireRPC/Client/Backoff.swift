/// Exponential backoff with jitter, for reconnects and retries.
public struct Backoff: Sendable, Hashable {
    /// The first delay.
    public var initial: Duration
    /// The largest delay.
    public var maximum: Duration
    /// Growth factor per attempt.
    public var multiplier: Double
    /// Fraction of the delay randomized either way (0.2: ±20 %).
    public var jitter: Double

    public init(
        initial: Duration = .milliseconds(100), maximum: Duration = .seconds(10), multiplier: Double = 1.6,
        jitter: Double = 0.2
    ) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The delay before attempt `attempt` (1 for the first retry).
    public func delay(attempt: Int) -> Duration {
        let exponent = Double(min(max(0, attempt - 1), 64))
        let base = Self.seconds(self.initial) * pow(max(1, self.multiplier), exponent)
        let capped = min(base, Self.seconds(self.maximum))
        let spread = capped * min(1, max(0, self.jitter))
        let jittered = max(0, capped + (spread > 0 ? Double.random(in: -spread...spread) : 0))
        return .nanoseconds(Int64(min(jittered, 1e9) * 1e9))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    private func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= base }
        return result
    }
}
