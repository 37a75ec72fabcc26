import NIOCore
import QuotewireRPC

/// One worker of a load phase: claims calls and sends them one at a time,
/// each as soon as the previous one ended (or when it is due, with a rate),
/// on a connection's event loop.
struct LoadWorker: Sendable {
    let client: TTRPCClient
    let calls: [PreparedCall]
    let schedule: LoadSchedule
    let statistics: LoadStatistics

    /// A claimed call and how many times it was sent already.
    private struct Attempt: Sendable {
        let ticket: LoadSchedule.Ticket
        var count = 0
    }

    /// How a chain of calls on one connection ended.
    private enum ChainEnd: Sendable {
        /// The phase is over.
        case finished
        /// The connection closed or answered UNAVAILABLE: go on with another,
        /// sending `retry` first if there is one.
        case moveOn(retry: Attempt?)
    }

    /// Works until the phase is over.
    func run() async {
        let policy = client.configuration.retryPolicy
        var retry: Attempt?
        while true {
            if let retry, retry.count > 0 {
                try? await Task.sleep(for: policy.backoff.delay(attempt: retry.count))
            }
            let connection: DirectConnection
            do {
                connection = try await client.directConnection()
            } catch {
                // No endpoint can be reached: this call meets UNAVAILABLE there and then.
                guard let attempt = retry ?? schedule.claim().map({ Attempt(ticket: $0) }) else { return }
                if attempt.count == 0, attempt.ticket.due > schedule.clock.now {
                    try? await Task.sleep(until: attempt.ticket.due, clock: schedule.clock)
                }
                retry = failed(attempt, error)
                continue
            }
            let promise = connection.eventLoop.makePromise(of: ChainEnd.self)
            let first = retry
            connection.eventLoop.execute {
                if let first {
                    self.send(first, on: connection, ended: promise)
                } else {
                    self.sendNext(on: connection, ended: promise)
                }
            }
            guard case .moveOn(let next) = try? await promise.futureResult.get() else { return }
            retry = next
        }
    }

    /// Claims the next call and sends it when due.
    private func sendNext(on connection: DirectConnection, ended: EventLoopPromise<ChainEnd>) {
        guard let ticket = schedule.claim() else {
            ended.succeed(.finished)
            return
        }
        let wait = schedule.clock.now.duration(to: ticket.due)
        if wait > .zero {
            connection.eventLoop.scheduleTask(in: TimeAmount(wait)) {
                self.send(Attempt(ticket: ticket), on: connection, ended: ended)
            }
        } else {
            send(Attempt(ticket: ticket), on: connection, ended: ended)
        }
    }

    private func send(_ attempt: Attempt, on connection: DirectConnection, ended: EventLoopPromise<ChainEnd>) {
        connection.send(calls[attempt.ticket.index % calls.count]).whenComplete { result in
            switch result {
            case .success:
                self.statistics.record(latency: self.latency(of: attempt), outcome: "OK")
                self.sendNext(on: connection, ended: ended)
            case .failure(let error):
                let error = RPCError(mapping: error)
                if let retry = self.failed(attempt, error) {
                    ended.succeed(.moveOn(retry: retry))
                } else if !connection.isActive {
                    ended.succeed(.moveOn(retry: nil))
                } else {
                    // A call that failed at once must not recurse into the next.
                    connection.eventLoop.execute { self.sendNext(on: connection, ended: ended) }
                }
            }
        }
    }

    /// Records a failed call, or returns it to be sent again elsewhere when it
    /// met UNAVAILABLE, is idempotent, and has attempts left.
    private func failed(_ attempt: Attempt, _ error: RPCError) -> Attempt? {
        let call = calls[attempt.ticket.index % calls.count]
        if error.code == .unavailable, call.isIdempotent, attempt.count + 1 < client.configuration.retryPolicy.maxAttempts {
            var retry = attempt
            retry.count += 1
            return retry
        }
        statistics.record(latency: latency(of: attempt), outcome: error.code.description)
        return nil
    }

    /// From when the call was due to now: retries and queueing included.
    private func latency(of attempt: Attempt) -> Duration {
        attempt.ticket.due.duration(to: schedule.clock.now)
    }
}
