import Synchronization

/// The bytes of stream messages one connection holds: received and not yet
/// taken by their handlers, or taken and still being worked on.
///
/// The connection stops reading while it is over its budget, so a client
/// that streams faster than the handlers consume — on one stream or spread
/// over many — cannot make the server buffer without limit; reading resumes
/// once the handlers catch up.
final class InboundBudget: Sendable {
    /// Each message also costs this much, so empty messages count too.
    static let messageOverhead = 16

    let limit: Int
    private let held = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    var queuedBytes: Int { self.held.load(ordering: .relaxed) }

    /// What a message of `count` bytes costs.
    static func cost(ofMessage count: Int) -> Int {
        count + Self.messageOverhead
    }

    /// Records a message received; returns whether the connection is now over budget.
    func add(_ count: Int) -> Bool {
        self.held.add(Self.cost(ofMessage: count), ordering: .relaxed).newValue > self.limit
    }

    /// Records a message done with; returns whether this brought the
    /// connection back within budget.
    func release(_ count: Int) -> Bool {
        self.release(cost: Self.cost(ofMessage: count))
    }

    /// Releases `cost` bytes at once (a stream's messages when its call ends);
    /// returns whether this brought the connection back within budget.
    func release(cost: Int) -> Bool {
        guard cost > 0 else { return false }
        let after = self.held.subtract(cost, ordering: .relaxed).newValue
        return after <= self.limit && after + cost > self.limit
    }
}
