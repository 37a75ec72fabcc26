import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The connections of a client: `connectionsPerEndpoint` slots per resolved
/// endpoint, handed out round-robin among the ready ones.
///
/// A slot without a connection (never connected, failed, lost, or closed by
/// a keepalive probe) is reconnected in the background after an exponential
/// backoff with jitter, while calls go to the ready slots. After a failure
/// the new connection must first answer a health probe (a host that accepts
/// connections but answers nothing stays out); then it takes calls again. Calls wait for a connection only when none
/// is ready. A DNS target is resolved again every `dnsRefreshInterval`, in
/// the background and off the event loops and Swift's cooperative pool: new
/// addresses get slots, and the connections of addresses that went away
/// close once their calls have ended.
final class ConnectionPool: Sendable {
    private struct Slot {
        let id: UInt64
        let endpoint: ResolvedEndpoint
        let index: Int
        var connection: ClientConnection?
        var connecting: Task<ClientConnection, any Error>?
        var failures = 0
        var retryAt = ContinuousClock.now
        var lastError: String?
    }

    private struct State {
        var slots: [Slot] = []
        var nextSlotID: UInt64 = 0
        var resolvedAt: ContinuousClock.Instant?
        var isResolving = false
        var cursor = 0
        var isClosed = false
    }

    private enum Choice {
        case ready(ClientConnection)
        case wait(Task<ClientConnection, any Error>)
        case unavailable(String)
    }

    private let configuration: ClientConfiguration
    private let group: any EventLoopGroup
    private let state = NIOLockedValueBox(State())

    init(configuration: ClientConfiguration, group: any EventLoopGroup) {
        self.configuration = configuration
        self.group = group
    }

    /// A connection to the next ready endpoint, waiting for one to connect if
    /// none is ready; UNAVAILABLE when every endpoint is down or backing off,
    /// DEADLINE_EXCEEDED when `deadline` passes while waiting.
    func connection(deadline: NIODeadline? = nil) async throws(RPCError) -> ClientConnection {
        if self.state.withLockedValue({ $0.resolvedAt == nil }) {
            try await self.resolve()
        } else {
            self.refreshInBackgroundIfDue()
        }
        // Each wait ends with a slot connected or backing off; bounded so that endpoints that
        // keep failing cannot hold a call in a loop.
        var waitsLeft = max(1, self.state.withLockedValue { $0.slots.count })
        while true {
            switch self.choose(waitIfNoneReady: waitsLeft > 0) {
            case .ready(let connection):
                return connection
            case .wait(let task):
                waitsLeft -= 1
                // The connection waited for is this caller's: waiters spread over the slots being
                // connected as calls do over ready ones.
                if let connection = try await Self.wait(for: task, until: deadline), connection.isActive {
                    return connection
                }
            case .unavailable(let reason):
                throw RPCError(code: .unavailable, message: reason)
            }
        }
    }

    /// Waits for a connect task to end (it records its outcome in its slot
    /// itself) and returns its connection, nil if it failed; throws
    /// DEADLINE_EXCEEDED if `deadline` comes first.
    @discardableResult
    static func wait(
        for task: Task<ClientConnection, any Error>, until deadline: NIODeadline?
    ) async throws(RPCError) -> ClientConnection? {
        guard let deadline else { return try? await task.value }
        // A race whose loser is left behind: awaiting a task's value cannot be cancelled, so a
        // task group would wait for the connect attempt anyway.
        let waiter = NIOLockedValueBox<CheckedContinuation<ClientConnection??, Never>?>(nil)
        var timer: Task<Void, Never>?
        let outcome = await withCheckedContinuation { continuation in
            waiter.withLockedValue { $0 = continuation }
            Task {
                let connection = try? await task.value
                waiter.withLockedValue { $0.take() }?.resume(returning: .some(connection))
            }
            timer = Task {
                try? await Task.sleep(for: .nanoseconds(max(0, (deadline - .now()).nanoseconds)))
                waiter.withLockedValue { $0.take() }?.resume(returning: .none)
            }
        }
        timer?.cancel()
        guard let connection = outcome else {
            throw RPCError(code: .deadlineExceeded, message: "deadline exceeded while connecting")
        }
        return connection
    }

    /// The next ready connection, round-robin, without waiting: nil when none
    /// is ready (then ``connection()`` waits for one). Starts the background
    /// reconnects and DNS refreshes that are due.
    func readyConnection() -> ClientConnection? {
        self.refreshInBackgroundIfDue()
        if case .ready(let connection) = self.choose(waitIfNoneReady: false) { return connection }
        return nil
    }

    /// Closes every connection and cancels the connection attempts; returns
    /// those still running (an attempt that began before the cancellation
    /// must start its connect before the event loops shut down).
    func close() -> [Task<ClientConnection, any Error>] {
        let slots = self.state.withLockedValue { state -> [Slot] in
            state.isClosed = true
            defer { state.slots = [] }
            return state.slots
        }
        for slot in slots {
            slot.connection?.close()
            slot.connecting?.cancel()
        }
        return slots.compactMap(\.connecting)
    }

    // MARK: Choosing

    /// Walks the slots from the cursor and takes the first ready connection,
    /// starting a background connect for every idle slot out of backoff it
    /// passes. With nothing ready, connects every idle slot out of backoff
    /// and (if asked) waits for one of the slots being connected.
    private func choose(waitIfNoneReady: Bool) -> Choice {
        self.state.withLockedValue { state -> Choice in
            guard !state.isClosed else { return .unavailable("the client is closed") }
            let count = state.slots.count
            guard count > 0 else { return .unavailable("no endpoint of \(self.configuration.target) to connect to") }
            let now = ContinuousClock.now
            for offset in 0..<count {
                let index = (state.cursor + offset) % count
                if let connection = state.slots[index].connection {
                    if connection.isActive {
                        state.cursor = index + 1
                        return .ready(connection)
                    }
                    self.lost(&state.slots[index], now: now)
                }
                self.connectIfDue(&state.slots[index], now: now)
            }
            for offset in 0..<count where waitIfNoneReady {
                let index = (state.cursor + offset) % count
                if let task = state.slots[index].connecting {
                    // Waiters spread over the slots being connected, as calls do over ready ones.
                    state.cursor = index + 1
                    return .wait(task)
                }
            }
            let errors = Set(state.slots.compactMap(\.lastError)).sorted().joined(separator: "; ")
            return .unavailable(
                "no endpoint of \(self.configuration.target) is ready" + (errors.isEmpty ? "" : ": \(errors)"))
        }
    }

    /// A connection of the slot closed (by the peer, a reset, or a keepalive probe): back off before reconnecting.
    private func lost(_ slot: inout Slot, now: ContinuousClock.Instant) {
        let reason = slot.connection?.closeReason
        slot.connection = nil
        slot.failures += 1
        slot.retryAt = now + self.configuration.reconnectBackoff.delay(attempt: slot.failures)
        slot.lastError = reason ?? "the connection to \(slot.endpoint) closed"
    }

    /// Starts connecting an idle slot whose backoff is over; the task records its outcome in the slot.
    private func connectIfDue(_ slot: inout Slot, now: ContinuousClock.Instant) {
        guard slot.connection == nil, slot.connecting == nil, slot.retryAt <= now else { return }
        let id = slot.id
        let endpoint = slot.endpoint
        let group = self.group
        let configuration = self.configuration
        let verifyWithin = slot.failures > 0 ? (configuration.keepalive?.timeout ?? configuration.connectTimeout) : nil
        slot.connecting = Task {
            do {
                try Task.checkCancellation()  // the pool closed before the attempt began
                let connection = try await ClientConnection.connect(
                    to: endpoint, group: group, configuration: configuration)
                if let verifyWithin { try await connection.verify(timeout: verifyWithin) }
                self.finishConnect(slot: id, .success(connection))
                return connection
            } catch {
                self.finishConnect(slot: id, .failure(error))
                throw error
            }
        }
    }

    private func finishConnect(slot id: UInt64, _ outcome: Result<ClientConnection, any Error>) {
        let orphan = self.state.withLockedValue { state -> ClientConnection? in
            guard !state.isClosed, let index = state.slots.firstIndex(where: { $0.id == id }) else {
                return try? outcome.get()
            }
            state.slots[index].connecting = nil
            switch outcome {
            case .success(let connection):
                state.slots[index].connection = connection
                state.slots[index].failures = 0
                state.slots[index].lastError = nil
            case .failure(let error):
                state.slots[index].failures += 1
                state.slots[index].retryAt =
                    .now + self.configuration.reconnectBackoff.delay(attempt: state.slots[index].failures)
                state.slots[index].lastError = "\(state.slots[index].endpoint): \(error)"
            }
            return nil
        }
        orphan?.close()  // the pool closed, or the endpoint left it, while connecting
    }

    // MARK: Resolving

    /// Resolves the target and installs its endpoints: a DNS name off the
    /// cooperative pool (the lookup blocks), fixed endpoints in place (resolved
    /// once, usually IP literals or Unix paths).
    private func resolve() async throws(RPCError) {
        let target = self.configuration.target
        let tls = self.configuration.tls != nil
        let endpoints: [ResolvedEndpoint]
        do {
            if case .dns = target {
                endpoints = try await NIOThreadPool.singleton.runIfActive { try ResolvedEndpoint.resolve(target, tls: tls) }
            } else {
                endpoints = try ResolvedEndpoint.resolve(target, tls: tls)
            }
        } catch {
            self.state.withLockedValue { $0.isResolving = false }
            throw RPCError(mapping: error)
        }
        self.install(endpoints)
    }

    /// Starts resolving a DNS target again when its refresh interval is over;
    /// calls meanwhile use the endpoints already known (also when the lookup fails).
    private func refreshInBackgroundIfDue() {
        guard case .dns = self.configuration.target else { return }
        let due = self.state.withLockedValue { state -> Bool in
            guard !state.isResolving, !state.isClosed, let resolvedAt = state.resolvedAt,
                resolvedAt + self.configuration.dnsRefreshInterval <= .now
            else { return false }
            state.isResolving = true
            return true
        }
        guard due else { return }
        Task {
            do throws(RPCError) {
                try await self.resolve()
            } catch {
                self.state.withLockedValue { $0.resolvedAt = .now }  // keep the last known endpoints; retry later
            }
        }
    }

    /// Keeps the slots of endpoints still resolved, adds slots for new ones,
    /// and drains the connections of endpoints that went away.
    private func install(_ endpoints: [ResolvedEndpoint]) {
        let perEndpoint = self.configuration.connectionsPerEndpoint
        let removed = self.state.withLockedValue { state -> [Slot] in
            state.isResolving = false
            state.resolvedAt = .now
            guard !state.isClosed else { return [] }
            var old: [String: Slot] = [:]
            for slot in state.slots { old["\(slot.endpoint)#\(slot.index)"] = slot }
            var slots: [Slot] = []
            for index in 0..<perEndpoint {
                for endpoint in endpoints {
                    if let kept = old.removeValue(forKey: "\(endpoint)#\(index)") {
                        slots.append(kept)
                    } else {
                        slots.append(Slot(id: state.nextSlotID, endpoint: endpoint, index: index))
                        state.nextSlotID += 1
                    }
                }
            }
            state.slots = slots
            return Array(old.values)
        }
        for slot in removed {
            slot.connection?.closeWhenIdle()
            slot.connecting?.cancel()
        }
    }
}
