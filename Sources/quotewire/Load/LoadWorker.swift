import NIOCore
import QuotewireRPC

/// One worker of a load phase: claims calls and sends them one at a time,
/// each as soon as the previous one ended (or when it is due, with a rate),
/// chained with futures on the event loops of the client's connections.
/// Each call goes to the next ready connection of the pool (round-robin),
/// so calls follow endpoints as they fail, come back or appear in DNS.
struct LoadWorker: Sendable {
    let client: TTRPCClient
    let calls: [PreparedCall]
    let schedule: LoadSchedule
    let statistics: LoadStatistics

    /// A claimed call, how many times it was sent already, and when it must end.
    private struct Attempt: Sendable {
        let ticket: LoadSchedule.Ticket
        var count = 0
        /// Set at the first send; retries keep it.
        var deadline: NIODeadline?
        /// Backoff before the next send (a retry).
        var delay: Duration = .zero
    }

    /// How a chain of calls ended.
    private enum ChainEnd: Sendable {
        /// The phase is over.
        case finished
        /// No connection is ready, or a call is to be retried after a backoff:
        /// wait for a connection, sending `retry` first if there is one.
        case moveOn(retry: Attempt?)
    }

    /// Works until the phase is over.
    func run() async {
        var retry: Attempt?
        while true {
            if let delay = retry?.delay, delay > .zero {
                try? await Task.sleep(for: delay)
            }
            let connection: DirectConnection
            do {
                connection = try await client.directConnection(deadline: retry?.deadline)
            } catch {
                // No endpoint can be reached: this call meets UNAVAILABLE there and then.
                guard var attempt = retry ?? schedule.claim().map({ Attempt(ticket: $0) }) else { return }
                if attempt.count == 0, attempt.ticket.due > schedule.clock.now {
                    try? await Task.sleep(until: attempt.ticket.due, clock: schedule.clock)
                }
                if attempt.deadline == nil { attempt.deadline = deadline(of: attempt) }
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

    /// Claims the next call and sends it when due, on the next ready connection.
    private func sendNext(on current: DirectConnection, ended: EventLoopPromise<ChainEnd>) {
        guard let ticket = schedule.claim() else {
            ended.succeed(.finished)
            return
        }
        let attempt = Attempt(ticket: ticket)
        let wait = schedule.clock.now.duration(to: ticket.due)
        if wait > .zero {
            current.eventLoop.scheduleTask(in: TimeAmount(wait)) {
                self.sendOnNextReady(attempt, from: current, ended: ended)
            }
        } else {
            sendOnNextReady(attempt, from: current, ended: ended)
        }
    }

    /// Sends on the pool's next ready connection, hopping to its event loop if
    /// needed; with none ready, ends the chain so that `run` waits for one.
    private func sendOnNextReady(_ attempt: Attempt, from current: DirectConnection, ended: EventLoopPromise<ChainEnd>) {
        guard let next = client.readyDirectConnection() else {
            ended.succeed(.moveOn(retry: attempt))
            return
        }
        if next.eventLoop === current.eventLoop {
            send(attempt, on: next, ended: ended)
        } else {
            next.eventLoop.execute { self.send(attempt, on: next, ended: ended) }
        }
    }

    private func send(_ attempt: Attempt, on connection: DirectConnection, ended: EventLoopPromise<ChainEnd>) {
        var started = attempt
        if started.deadline == nil { started.deadline = deadline(of: started) }
        let attempt = started
        connection.send(calls[attempt.ticket.index % calls.count], deadline: attempt.deadline).whenComplete { result in
            switch result {
            case .success:
                self.client.recordSuccess()
                self.statistics.record(latency: self.latency(of: attempt), outcome: "OK")
                self.sendNext(on: connection, ended: ended)
            case .failure(let error):
                if let retry = self.failed(attempt, RPCError(mapping: error)) {
                    ended.succeed(.moveOn(retry: retry))
                } else {
                    // A call that failed at once must not recurse into the next.
                    connection.eventLoop.execute { self.sendNext(on: connection, ended: ended) }
                }
            }
        }
    }

    /// Records a failed call, or returns it to be sent again after a backoff
    /// when the client's retry rules allow (UNAVAILABLE, idempotent, attempts
    /// and budget left, the deadline not passed by then).
    private func failed(_ attempt: Attempt, _ error: RPCError) -> Attempt? {
        let call = calls[attempt.ticket.index % calls.count]
        do throws(RPCError) {
            var retry = attempt
            retry.count += 1
            retry.delay = try client.retryDelay(
                after: error, attempt: retry.count, isIdempotent: call.isIdempotent, deadline: attempt.deadline)
            return retry
        } catch {
            statistics.record(latency: latency(of: attempt), outcome: error.code.description)
            return nil
        }
    }

    /// The call's deadline: its timeout from its first send.
    private func deadline(of attempt: Attempt) -> NIODeadline? {
        calls[attempt.ticket.index % calls.count].timeout.map { .now() + TimeAmount($0) }
    }

    /// From when the call was due to now: retries and queueing included.
    private func latency(of attempt: Attempt) -> Duration {
        attempt.ticket.due.duration(to: schedule.clock.now)
    }
}
