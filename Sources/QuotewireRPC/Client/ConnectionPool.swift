import NIOCore
import NIOConcurrencyHelpers

/// The connections of a client: `connectionsPerEndpoint` slots per resolved
/// endpoint, handed out round-robin among healthy ones; a slot whose
/// connection failed is reconnected on demand after an exponential backoff
/// with jitter.
final class ConnectionPool: Sendable {
    private struct Slot {
        let endpoint: ResolvedEndpoint
        let index: Int
        var connection: ClientConnection?
        var connecting: Task<ClientConnection, any Error>?
        var failures = 0
        var retryAt = ContinuousClock.now
    }

    private struct State {
        var slots: [Slot] = []
        var resolvedAt: ContinuousClock.Instant?
        var cursor = 0
        var isClosed = false
    }

    private enum Choice {
        case ready(ClientConnection)
        case connect(Task<ClientConnection, any Error>, slot: Int)
        case unavailable(String)
    }

    private let configuration: ClientConfiguration
    private let group: any EventLoopGroup
    private let state = NIOLockedValueBox(State())

    init(configuration: ClientConfiguration, group: any EventLoopGroup) {
        self.configuration = configuration
        self.group = group
    }

    /// A connection to the next healthy endpoint, connecting one if none is
    /// ready; UNAVAILABLE when every endpoint is down or backing off.
    func connection() async throws(RPCError) -> ClientConnection {
        try self.refreshIfNeeded()
        var lastError = "no endpoint"
        var attemptedSlots = Set<Int>()
        while true {
            let choice = self.choose(excluding: attemptedSlots)
            switch choice {
            case .ready(let connection):
                return connection
            case .unavailable(let reason):
                throw RPCError(
                    code: .unavailable, message: attemptedSlots.isEmpty ? reason : "\(reason); last error: \(lastError)")
            case .connect(let task, let slot):
                attemptedSlots.insert(slot)
                do {
                    let connection = try await task.value
                    self.state.withLockedValue { state in
                        guard slot < state.slots.count else { return }
                        state.slots[slot].connection = connection
                        state.slots[slot].connecting = nil
                        state.slots[slot].failures = 0
                    }
                    return connection
                } catch {
                    lastError = "\(error)"
                    let backoff = self.configuration.reconnectBackoff
                    self.state.withLockedValue { state in
                        guard slot < state.slots.count else { return }
                        state.slots[slot].connecting = nil
                        state.slots[slot].failures += 1
                        state.slots[slot].retryAt = .now + backoff.delay(attempt: state.slots[slot].failures)
                    }
                }
            }
        }
    }

    func close() {
        let slots = self.state.withLockedValue { state -> [Slot] in
            state.isClosed = true
            defer { state.slots = [] }
            return state.slots
        }
        for slot in slots {
            slot.connection?.close()
            slot.connecting?.cancel()
        }
    }

    /// Walks the slots from the cursor: a ready connection is taken; an idle
    /// slot out of backoff starts connecting and is taken; a slot already
    /// connecting is taken only when nothing else is usable (round-robin too).
    private func choose(excluding attempted: Set<Int>) -> Choice {
        self.state.withLockedValue { state -> Choice in
            guard !state.isClosed else { return .unavailable("the client is closed") }
            let count = state.slots.count
            guard count > 0 else { return .unavailable("no endpoint to connect to") }
            let now = ContinuousClock.now
            var connecting: (Task<ClientConnection, any Error>, Int)?
            for offset in 0..<count {
                let index = (state.cursor + offset) % count
                if let connection = state.slots[index].connection, connection.isActive {
                    state.cursor = index + 1
                    return .ready(connection)
                }
                guard !attempted.contains(index) else { continue }
                if let task = state.slots[index].connecting {
                    if connecting == nil { connecting = (task, index) }
                    continue
                }
                guard state.slots[index].retryAt <= now else { continue }
                state.cursor = index + 1
                let endpoint = state.slots[index].endpoint
                let group = self.group
                let configuration = self.configuration
                let task = Task {
                    try await ClientConnection.connect(to: endpoint, group: group, configuration: configuration)
                }
                state.slots[index].connection = nil
                state.slots[index].connecting = task
                return .connect(task, slot: index)
            }
            if let (task, index) = connecting {
                // Waiters spread over the slots being connected, as calls do over ready ones.
                state.cursor = index + 1
                return .connect(task, slot: index)
            }
            return .unavailable("no endpoint of \(self.configuration.target) is reachable")
        }
    }

    private func refreshIfNeeded() throws(RPCError) {
        let needed = self.state.withLockedValue { state -> Bool in
            guard let resolvedAt = state.resolvedAt else { return true }
            if case .dns = self.configuration.target {
                return resolvedAt + self.configuration.dnsRefreshInterval <= .now
            }
            return false
        }
        guard needed else { return }
        let endpoints: [ResolvedEndpoint]
        do {
            endpoints = try ResolvedEndpoint.resolve(self.configuration.target)
        } catch {
            let hasSlots = self.state.withLockedValue { !$0.slots.isEmpty }
            if hasSlots { return }  // keep the last known endpoints
            throw error
        }
        let perEndpoint = self.configuration.connectionsPerEndpoint
        let removed = self.state.withLockedValue { state -> [Slot] in
            var old: [String: Slot] = [:]
            for slot in state.slots { old["\(slot.endpoint)#\(slot.index)"] = slot }
            var slots: [Slot] = []
            for index in 0..<perEndpoint {
                for endpoint in endpoints {
                    let key = "\(endpoint)#\(index)"
                    slots.append(old.removeValue(forKey: key) ?? Slot(endpoint: endpoint, index: index))
                }
            }
            state.slots = slots
            state.resolvedAt = .now
            return Array(old.values)
        }
        for slot in removed { slot.connection?.close() }
    }
}
