import Testing

@testable import quotewire

/// The histogram of `quotewire load`: every call in exactly one bucket.
struct LoadHistogramTests {
    /// Latencies spread over four decades, many of them on or next to a bucket boundary
    /// (50 µs × 2ⁿ), where one histogram slot spans both sides.
    private func recordedStatistics() -> LoadStatistics {
        let statistics = LoadStatistics()
        var nanos: Int64 = 1_000
        while nanos < 200_000_000 {
            statistics.record(latency: .nanoseconds(nanos), outcome: "OK")
            nanos += nanos / 37 + 1
        }
        var boundary: Int64 = 50_000
        while boundary <= 102_400_000 {
            for offset in [-40, -1, 0, 1, 40] as [Int64] {
                statistics.record(latency: .nanoseconds(boundary + offset), outcome: "OK")
            }
            boundary *= 2
        }
        return statistics
    }

    @Test func theBucketsSumToTheCallCount() {
        let snapshot = recordedStatistics().snapshot()
        let buckets = LoadReport.latencyBuckets(of: snapshot.histogram)
        #expect(snapshot.total > 500)
        #expect(buckets.reduce(0) { $0 + $1.count } == UInt64(snapshot.total))
    }

    @Test func eachLatencyLandsInTheBucketThatHoldsIt() {
        let statistics = LoadStatistics()
        for micros in [10, 49, 60, 99, 150, 3_000] {
            statistics.record(latency: .microseconds(micros), outcome: "OK")
        }
        let buckets = LoadReport.latencyBuckets(of: statistics.snapshot().histogram)
        #expect(buckets.map(\.upToMicros) == [50, 100, 200, 400, 800, 1_600, 3_200])
        #expect(buckets.map(\.count) == [2, 2, 1, 0, 0, 0, 1])
    }

    @Test func anEmptyHistogramHasNoBuckets() {
        #expect(LoadReport.latencyBuckets(of: LoadStatistics().snapshot().histogram).isEmpty)
    }
}
