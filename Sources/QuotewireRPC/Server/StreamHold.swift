import struct NIOConcurrencyHelpers.NIOLockedValueBox
import Synchronization

/// One stream's part of its connection's ``InboundBudget``: the messages it
/// received and has not yet released. When the call ends, whatever it
/// still holds is released at once and later releases (a handler finishing
/// a message after its call was answered) are ignored, so nothing is
/// released twice.
final class StreamHold: Sendable {
    private struct State {
        var held = 0
        var isClosed = false
    }

    let budget: InboundBudget
    private let state = NIOLockedValueBox(State())

    init(budget: InboundBudget) {
        self.budget = budget
    }

    /// The bytes (with overheads) this stream holds.
    var heldBytes: Int { self.state.withLockedValue { $0.held } }

    /// Records a message received for the stream; returns whether the
    /// connection is now over budget.
    func add(_ count: Int) -> Bool {
        let added = self.state.withLockedValue { state -> Bool in
            guard !state.isClosed else { return false }
            state.held += InboundBudget.cost(ofMessage: count)
            return true
        }
        return added && self.budget.add(count)
    }

    /// Records a message the handler is done with; returns whether the
    /// connection is now back within budget.
    func release(_ count: Int) -> Bool {
        let cost = InboundBudget.cost(ofMessage: count)
        let released = self.state.withLockedValue { state -> Bool in
            guard !state.isClosed else { return false }
            state.held -= cost
            return true
        }
        return released && self.budget.release(cost: cost)
    }

    /// The call ended: releases everything the stream holds; returns whether
    /// the connection is now back within budget.
    func close() -> Bool {
        let held = self.state.withLockedValue { state -> Int in
            guard !state.isClosed else { return 0 }
            state.isClosed = true
            defer { state.held = 0 }
            return state.held
        }
        return self.budget.release(cost: held)
    }
}
