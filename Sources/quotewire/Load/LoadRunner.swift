import QuotewireRPC
import Synchronization

/// Runs a workload with a shape against a client and fills the statistics.
/// Always ends by itself: after `requests` calls or after `duration`.
struct LoadRunner: Sendable {
    let client: TTRPCClient
    let workload: LoadWorkload
    let shape: LoadShape

    /// Runs the warm-up (if any), then the measured phase; returns the
    /// measured phase's wall time.
    func run(into statistics: LoadStatistics, progress: (@Sendable (LoadStatistics, Duration) -> Void)? = nil) async -> Duration {
        if let warmup = shape.warmup, warmup > .zero {
            var warmupShape = shape
            warmupShape.requests = nil
            warmupShape.duration = warmup
            _ = await LoadRunner(client: client, workload: workload, shape: warmupShape).phase(into: LoadStatistics(), progress: nil)
        }
        return await phase(into: statistics, progress: progress)
    }

    private func phase(into statistics: LoadStatistics, progress: (@Sendable (LoadStatistics, Duration) -> Void)?) async -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let end = shape.duration.map { start + $0 }
        let next = CallCounter()
        let options = CallOptions(timeout: shape.timeout, isIdempotent: workload.isIdempotent)

        await withTaskGroup(of: Void.self) { group in
            if let progress {
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(1))
                        if Task.isCancelled { break }
                        progress(statistics, clock.now - start)
                    }
                }
            }
            let workerCount = max(1, shape.concurrency)
            for _ in 0..<workerCount {
                group.addTask {
                    while let index = claim(next: next, now: clock.now, end: end) {
                        let intended = shape.rate.map { start + .seconds(Double(index) / $0) }
                        if let intended {
                            if let end, intended >= end { break }
                            if intended > clock.now { try? await Task.sleep(until: intended, clock: clock) }
                        }
                        let began = intended ?? clock.now
                        let payload = workload.payloads[index % workload.payloads.count]
                        let outcome: String
                        do throws(RPCError) {
                            _ = try await client.unary(
                                service: workload.service, method: workload.method, payload: payload, options: options)
                            outcome = "OK"
                        } catch {
                            outcome = error.code.description
                        }
                        statistics.record(latency: clock.now - began, outcome: outcome)
                    }
                }
            }
            // Wait for the workers (every task but the progress reporter), then stop the reporter.
            for _ in 0..<workerCount { await group.next() }
            group.cancelAll()
        }
        return clock.now - start
    }

    /// The index of the next call, or nil when the run is over.
    private func claim(next: CallCounter, now: ContinuousClock.Instant, end: ContinuousClock.Instant?) -> Int? {
        if let end, now >= end { return nil }
        let index = next.take()
        if let requests = shape.requests, index >= requests { return nil }
        return index
    }
}

/// Hands out call indexes 0, 1, 2, … to the workers.
private final class CallCounter: Sendable {
    private let next = Atomic<Int>(0)

    func take() -> Int {
        next.wrappingAdd(1, ordering: .relaxed).oldValue
    }
}
