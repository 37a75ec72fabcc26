import Synchronization

/// Hands out the calls of one load phase to its workers: call numbers 0, 1,
/// 2, … until the request count or the duration is reached, each with the
/// time it is due (now in a closed loop; on the clock's schedule with a rate).
final class LoadSchedule: Sendable {
    /// One call to make.
    struct Ticket: Sendable {
        /// The call's number: which prepared request it sends, cycled.
        let index: Int
        /// When it should start: latency is measured from here, so an open
        /// loop does not hide queueing (coordinated omission).
        let due: ContinuousClock.Instant
    }

    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    private let end: ContinuousClock.Instant?
    private let requests: Int?
    private let rate: Double?
    private let next = Atomic<Int>(0)

    init(shape: LoadShape) {
        let start = clock.now
        self.start = start
        self.end = shape.duration.map { start + $0 }
        self.requests = shape.requests
        self.rate = shape.rate
    }

    /// Time since the phase started.
    var elapsed: Duration { clock.now - start }

    /// The next call, or nil when the phase is over.
    func claim() -> Ticket? {
        let now = clock.now
        if let end, now >= end { return nil }
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        if let requests, index >= requests { return nil }
        guard let rate else { return Ticket(index: index, due: now) }
        let due = start + .seconds(Double(index) / rate)
        if let end, due >= end { return nil }
        return Ticket(index: index, due: due)
    }
}
