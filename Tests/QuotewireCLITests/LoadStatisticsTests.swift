import Testing

@testable import quotewire

/// Phases of a load run: each call counts in the whole run and in the phase it ended in.
struct LoadStatisticsTests {
    @Test func callsCountInThePhaseTheyEndIn() {
        let statistics = LoadStatistics(phases: ["before", "during", "after"])
        for _ in 0..<3 { statistics.record(latency: .milliseconds(1), outcome: "OK") }
        #expect(statistics.advancePhase() == "during")
        statistics.record(latency: .seconds(2), outcome: "UNAVAILABLE")
        statistics.record(latency: .milliseconds(3), outcome: "OK")
        #expect(statistics.advancePhase() == "after")
        statistics.record(latency: .milliseconds(1), outcome: "OK")
        #expect(statistics.advancePhase() == nil, "there is no phase after the last")
        statistics.record(latency: .milliseconds(1), outcome: "OK")

        let phases = statistics.phases()
        #expect(phases.map(\.name) == ["before", "during", "after"])
        #expect(phases.map(\.statistics.total) == [3, 2, 2])
        #expect(phases[1].statistics.errors == ["UNAVAILABLE": 1])
        #expect(phases[1].statistics.histogram.max >= 2_000_000_000)
        #expect(statistics.snapshot().total == 7)
        #expect(phases.allSatisfy { $0.started != nil })
        #expect(phases[0].ended != nil && phases[1].ended != nil && phases[2].ended == nil)
    }

    @Test func withoutPhasesOnlyTheWholeRunIsCounted() {
        let statistics = LoadStatistics()
        statistics.record(latency: .milliseconds(1), outcome: "OK")
        #expect(statistics.advancePhase() == nil)
        #expect(statistics.phases().isEmpty)
        #expect(statistics.snapshot().total == 1)
    }
}
