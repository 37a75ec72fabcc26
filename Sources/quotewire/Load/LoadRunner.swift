import NIOCore
import QuotewireRPC

/// Runs a workload with a shape against a client and fills the statistics.
/// Always ends by itself: after `requests` calls or after `duration`.
///
/// The generator should take as little of the machine as it can (it often
/// shares it with the server), so calls are not tasks: each of the
/// `concurrency` workers takes a connection and chains its calls on that
/// connection's event loop with futures, every request encoded up front.
/// Like any client of the library, a worker sends an idempotent call that
/// met UNAVAILABLE again on another connection (the client's retry policy);
/// every other failure counts as an error by status code. A worker whose
/// connection closed takes another.
struct LoadRunner: Sendable {
    let client: TTRPCClient
    let workload: LoadWorkload
    let shape: LoadShape

    /// Runs the warm-up (if any), then the measured phase; returns the
    /// measured phase's wall time.
    func run(
        into statistics: LoadStatistics, progress: (@Sendable (LoadStatistics, Duration) -> Void)? = nil
    ) async throws(RPCError) -> Duration {
        let calls = try workload.payloads.map { payload throws(RPCError) in
            try client.prepare(
                service: workload.service, method: workload.method, payload: payload,
                options: CallOptions(timeout: shape.timeout, isIdempotent: workload.isIdempotent))
        }
        if let warmup = shape.warmup, warmup > .zero {
            var warmupShape = shape
            warmupShape.requests = nil
            warmupShape.duration = warmup
            _ = await phase(calls, shape: warmupShape, into: LoadStatistics(), progress: nil)
        }
        return await phase(calls, shape: shape, into: statistics, progress: progress)
    }

    private func phase(
        _ calls: [PreparedCall], shape: LoadShape, into statistics: LoadStatistics,
        progress: (@Sendable (LoadStatistics, Duration) -> Void)?
    ) async -> Duration {
        let schedule = LoadSchedule(shape: shape)
        await withTaskGroup(of: Void.self) { group in
            if let progress {
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(1))
                        if Task.isCancelled { break }
                        progress(statistics, schedule.elapsed)
                    }
                }
            }
            let workerCount = max(1, shape.concurrency)
            for _ in 0..<workerCount {
                let worker = LoadWorker(client: client, calls: calls, schedule: schedule, statistics: statistics)
                group.addTask { await worker.run() }
            }
            // Wait for the workers (every task but the progress reporter), then stop the reporter.
            for _ in 0..<workerCount { await group.next() }
            group.cancelAll()
        }
        return schedule.elapsed
    }
}
