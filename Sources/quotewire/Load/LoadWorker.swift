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

    /// Works until the phase is over.
    func run() async {
        while true {
            let connection: DirectConnection
            do {
                connection = try await client.directConnection()
            } catch {
                // No endpoint can be reached: the next call fails with that.
                guard let ticket = schedule.claim() else { return }
                if ticket.due > schedule.clock.now { try? await Task.sleep(until: ticket.due, clock: schedule.clock) }
                record(ticket, outcome: .failure(error))
                continue
            }
            let promise = connection.eventLoop.makePromise(of: Bool.self)
            connection.eventLoop.execute { self.sendNext(on: connection, finished: promise) }
            // false: the connection closed under the chain; take another.
            guard (try? await promise.futureResult.get()) == false else { return }
        }
    }

    /// Claims the next call and sends it when due; completes `finished` with
    /// true when the phase is over, false when the connection closed.
    private func sendNext(on connection: DirectConnection, finished: EventLoopPromise<Bool>) {
        guard let ticket = schedule.claim() else {
            finished.succeed(true)
            return
        }
        let wait = schedule.clock.now.duration(to: ticket.due)
        if wait > .zero {
            connection.eventLoop.scheduleTask(in: TimeAmount(wait)) {
                self.send(ticket, on: connection, finished: finished)
            }
        } else {
            send(ticket, on: connection, finished: finished)
        }
    }

    private func send(_ ticket: LoadSchedule.Ticket, on connection: DirectConnection, finished: EventLoopPromise<Bool>) {
        connection.send(calls[ticket.index % calls.count]).whenComplete { result in
            switch result {
            case .success:
                self.record(ticket, outcome: .success(()))
                self.sendNext(on: connection, finished: finished)
            case .failure(let error):
                self.record(ticket, outcome: .failure(RPCError(mapping: error)))
                guard connection.isActive else {
                    finished.succeed(false)
                    return
                }
                // A call that failed at once must not recurse into the next.
                connection.eventLoop.execute { self.sendNext(on: connection, finished: finished) }
            }
        }
    }

    private func record(_ ticket: LoadSchedule.Ticket, outcome: Result<Void, RPCError>) {
        let latency = ticket.due.duration(to: schedule.clock.now)
        switch outcome {
        case .success: statistics.record(latency: latency, outcome: "OK")
        case .failure(let error): statistics.record(latency: latency, outcome: error.code.description)
        }
    }
}
