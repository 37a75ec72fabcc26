import Histogram
import NIOConcurrencyHelpers

/// What a load run measured, shared by its workers: a latency histogram
/// (HdrHistogram, nanoseconds, three significant digits) and calls by
/// outcome, for the whole run and for each named phase (see ``advancePhase()``).
final class LoadStatistics: Sendable {
    struct Snapshot: Sendable {
        var histogram: Histogram<UInt64>
        /// Calls by outcome name: "OK", "UNAVAILABLE", ...
        var outcomes: [String: Int]

        init() {
            self.histogram = Histogram(highestTrackableValue: LoadStatistics.highestTrackableNanos)
            self.outcomes = [:]
        }

        var total: Int { outcomes.values.reduce(0, +) }
        var succeeded: Int { outcomes["OK"] ?? 0 }
        var failed: Int { total - succeeded }
        var errors: [String: Int] { outcomes.filter { $0.key != "OK" } }

        mutating func record(nanos: UInt64, outcome: String) {
            _ = histogram.record(nanos)
            outcomes[outcome, default: 0] += 1
        }
    }

    /// A named stretch of the run (e.g. before, during and after a fault), with the calls that ended in it.
    struct Phase: Sendable {
        let name: String
        var statistics = Snapshot()
        /// From its first call (or the end of the phase before) to the start of the next one.
        var started: ContinuousClock.Instant?
        var ended: ContinuousClock.Instant?

        var elapsed: Duration {
            guard let started else { return .zero }
            return started.duration(to: ended ?? .now)
        }
    }

    private struct State {
        var whole = Snapshot()
        var phases: [Phase]
        var current = 0
    }

    /// Latencies above this are recorded as this (two minutes).
    static let highestTrackableNanos: UInt64 = 120_000_000_000

    private let state: NIOLockedValueBox<State>

    /// Statistics with these phases (none: the run as a whole only); the first is current.
    init(phases: [String] = []) {
        state = NIOLockedValueBox(State(phases: phases.map { Phase(name: $0) }))
    }

    /// Records one call: its latency and its outcome.
    func record(latency: Duration, outcome: String) {
        let nanos = UInt64(clamping: latency.components.seconds) &* 1_000_000_000
            &+ UInt64(clamping: latency.components.attoseconds / 1_000_000_000)
        let clamped = min(max(nanos, 1), Self.highestTrackableNanos)
        state.withLockedValue { state in
            state.whole.record(nanos: clamped, outcome: outcome)
            guard state.current < state.phases.count else { return }
            if state.phases[state.current].started == nil { state.phases[state.current].started = .now }
            state.phases[state.current].statistics.record(nanos: clamped, outcome: outcome)
        }
    }

    /// Calls that end from now on count in the next phase; returns its name (nil after the last one).
    @discardableResult
    func advancePhase() -> String? {
        state.withLockedValue { state in
            guard state.current + 1 < state.phases.count else { return nil }
            let now = ContinuousClock.now
            state.phases[state.current].ended = now
            if state.phases[state.current].started == nil { state.phases[state.current].started = now }
            state.current += 1
            state.phases[state.current].started = now
            return state.phases[state.current].name
        }
    }

    func snapshot() -> Snapshot {
        state.withLockedValue { $0.whole }
    }

    func phases() -> [Phase] {
        state.withLockedValue { $0.phases }
    }
}
