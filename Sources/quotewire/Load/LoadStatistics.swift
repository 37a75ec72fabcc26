import Histogram
import Synchronization

/// What a load run measured, shared by its workers: a latency histogram
/// (HdrHistogram, nanoseconds, three significant digits) and calls by outcome.
final class LoadStatistics: Sendable {
    struct Snapshot: Sendable {
        var histogram: Histogram<UInt64>
        /// Calls by outcome name: "OK", "UNAVAILABLE", ...
        var outcomes: [String: Int]

        var total: Int { outcomes.values.reduce(0, +) }
        var succeeded: Int { outcomes["OK"] ?? 0 }
        var failed: Int { total - succeeded }
        var errors: [String: Int] { outcomes.filter { $0.key != "OK" } }
    }

    /// Latencies above this are recorded as this (two minutes).
    static let highestTrackableNanos: UInt64 = 120_000_000_000

    private let state = Mutex(
        Snapshot(histogram: Histogram(highestTrackableValue: LoadStatistics.highestTrackableNanos), outcomes: [:]))

    /// Records one call: its latency and its outcome.
    func record(latency: Duration, outcome: String) {
        let nanos = UInt64(clamping: latency.components.seconds) &* 1_000_000_000
            &+ UInt64(clamping: latency.components.attoseconds / 1_000_000_000)
        state.withLock { state in
            _ = state.histogram.record(min(max(nanos, 1), Self.highestTrackableNanos))
            state.outcomes[outcome, default: 0] += 1
        }
    }

    func snapshot() -> Snapshot {
        state.withLock { $0 }
    }
}
