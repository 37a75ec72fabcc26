import Histogram
import QuotewireModel

/// The summary of a load run, as text for people and JSON for machines.
struct LoadReport: Sendable {
    let workload: String
    let target: String
    let shape: LoadShape
    let connections: Int
    let statistics: LoadStatistics.Snapshot
    let elapsed: Duration
    /// Named stretches of the run (`--phases`), in order; empty without them.
    var phases: [LoadStatistics.Phase] = []

    var seconds: Double { elapsed.inSeconds }

    var callsPerSecond: Double { seconds > 0 ? Double(statistics.total) / seconds : 0 }

    var errorRate: Double { statistics.total > 0 ? Double(statistics.failed) / Double(statistics.total) : 0 }

    /// Latency at a percentile, in microseconds.
    func micros(atPercentile percentile: Double) -> Double {
        Self.micros(statistics, percentile)
    }

    private static func micros(_ statistics: LoadStatistics.Snapshot, _ percentile: Double) -> Double {
        statistics.total == 0 ? 0 : Double(statistics.histogram.valueAtPercentile(percentile)) / 1000
    }

    var minMicros: Double { statistics.total == 0 ? 0 : Double(statistics.histogram.min) / 1000 }
    var maxMicros: Double { statistics.total == 0 ? 0 : Double(statistics.histogram.max) / 1000 }
    var meanMicros: Double { statistics.total == 0 ? 0 : statistics.histogram.mean / 1000 }

    static let percentiles: [(name: String, value: Double)] = [
        ("p50", 50), ("p90", 90), ("p99", 99), ("p99.9", 99.9),
    ]

    /// Latency buckets (upper bound in µs, count), doubling from 50 µs; see ``latencyBuckets(of:)``.
    var buckets: [(upToMicros: Double, count: UInt64)] {
        statistics.total == 0 ? [] : Self.latencyBuckets(of: statistics.histogram)
    }

    /// Buckets `[0, 50 µs)`, `[50 µs, 100 µs)`, ... up to the one holding the largest latency, each with
    /// the calls whose latency falls in it. Every call is counted exactly once: each recorded value of the
    /// histogram goes to the bucket of its lowest equivalent value. (`Histogram.count(within:)` cannot be
    /// used per bucket: above 2,048 ns one histogram slot covers several nanoseconds, so a slot that
    /// straddles a bucket boundary would be counted in both neighbours.)
    static func latencyBuckets(of histogram: Histogram<UInt64>) -> [(upToMicros: Double, count: UInt64)] {
        let firstUpperNanos: UInt64 = 50_000
        var counts: [UInt64] = []
        for recorded in histogram.recordedValues() {
            let nanos = histogram.lowestEquivalentForValue(recorded.value)
            var index = 0
            var upper = firstUpperNanos
            while nanos >= upper {
                index += 1
                upper *= 2
            }
            if counts.count <= index { counts.append(contentsOf: repeatElement(0, count: index + 1 - counts.count)) }
            counts[index] += recorded.count
        }
        return counts.enumerated().map { index, count in
            (Double(firstUpperNanos << UInt64(index)) / 1000, count)
        }
    }

    var text: String {
        var lines: [String] = []
        lines.append("Load: \(workload) on \(target)")
        var shapeLine = "  concurrency \(shape.concurrency), \(connections) connection(s) per endpoint"
        if let rate = shape.rate { shapeLine += ", open loop at \(format(rate)) calls/s" }
        lines.append(shapeLine)
        lines.append(
            "  calls \(statistics.total) in \(String((seconds * 1000).rounded() / 1000)) s: \(format(callsPerSecond)) calls/s, "
                + "\(statistics.succeeded) ok, \(statistics.failed) failed (\(format(errorRate * 100))%)")
        for (code, count) in statistics.errors.sorted(by: { $0.key < $1.key }) {
            lines.append("    \(code): \(count)")
        }
        let percentileText = Self.percentiles.map { "\($0.name) \(format(micros(atPercentile: $0.value)))" }
        lines.append(
            "  latency µs: min \(format(minMicros)), mean \(format(meanMicros)), "
                + percentileText.joined(separator: ", ") + ", max \(format(maxMicros))")
        let buckets = self.buckets
        if let largest = buckets.map(\.count).max(), largest > 0 {
            lines.append("  histogram:")
            for bucket in buckets where bucket.count > 0 {
                let bar = String(repeating: "■", count: max(1, Int(40 * Double(bucket.count) / Double(largest))))
                lines.append("    < \(pad(format(bucket.upToMicros), 9)) µs \(pad(String(bucket.count), 9)) \(bar)")
            }
        }
        for phase in phases {
            let statistics = phase.statistics
            let errors = statistics.errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append(
                "  phase \(phase.name): \(statistics.total) calls in \(format(phase.elapsed.inSeconds)) s, "
                    + "\(statistics.failed) failed" + (errors.isEmpty ? "" : " (\(errors.joined(separator: ", ")))")
                    + ", p50 \(format(Self.micros(statistics, 50))) µs, p99 \(format(Self.micros(statistics, 99))) µs")
        }
        return lines.joined(separator: "\n")
    }

    var json: JSONValue {
        var latency: [(key: String, value: JSONValue)] = [
            ("min", number(minMicros)), ("mean", number(meanMicros)),
        ]
        for percentile in Self.percentiles {
            latency.append((percentile.name, number(micros(atPercentile: percentile.value))))
        }
        latency.append(("max", number(maxMicros)))
        return .object([
            ("workload", .string(workload)),
            ("target", .string(target)),
            ("concurrency", .number(String(shape.concurrency))),
            ("connectionsPerEndpoint", .number(String(connections))),
            ("rate", shape.rate.map(number) ?? .null),
            ("calls", .number(String(statistics.total))),
            ("succeeded", .number(String(statistics.succeeded))),
            ("failed", .number(String(statistics.failed))),
            ("errorRate", number(errorRate)),
            ("errors", errorsJSON(statistics)),
            ("durationSeconds", .number(String((seconds * 1000).rounded() / 1000))),
            ("callsPerSecond", number(callsPerSecond)),
            ("latencyMicros", .object(latency)),
            (
                "histogram",
                .array(
                    buckets.map {
                        .object([("upToMicros", number($0.upToMicros)), ("count", .number(String($0.count)))])
                    })
            ),
            ("phases", .array(phases.map(phaseJSON))),
        ])
    }

    private func errorsJSON(_ statistics: LoadStatistics.Snapshot) -> JSONValue {
        .object(statistics.errors.sorted { $0.key < $1.key }.map { ($0.key, .number(String($0.value))) })
    }

    private func phaseJSON(_ phase: LoadStatistics.Phase) -> JSONValue {
        let statistics = phase.statistics
        let seconds = phase.elapsed.inSeconds
        return .object([
            ("name", .string(phase.name)),
            ("calls", .number(String(statistics.total))),
            ("succeeded", .number(String(statistics.succeeded))),
            ("failed", .number(String(statistics.failed))),
            ("errors", errorsJSON(statistics)),
            ("durationSeconds", number(seconds)),
            ("callsPerSecond", number(seconds > 0 ? Double(statistics.total) / seconds : 0)),
            ("p50Micros", number(Self.micros(statistics, 50))),
            ("p99Micros", number(Self.micros(statistics, 99))),
            ("maxMicros", number(statistics.total == 0 ? 0 : Double(statistics.histogram.max) / 1000)),
        ])
    }

    private func number(_ value: Double) -> JSONValue {
        .number(value.isFinite ? format(value) : "0")
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
