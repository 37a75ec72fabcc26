import Synchronization

/// The request messages of a stream, still encoded; reports each message it
/// hands to the handler so the connection can bound what it buffers.
struct RawRequestStream: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    typealias Continuation = AsyncThrowingStream<[UInt8], any Error>.Continuation

    private let base: AsyncThrowingStream<[UInt8], any Error>
    private let onConsume: @Sendable (Int) -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator
        let onConsume: @Sendable (Int) -> Void

        mutating func next() async throws -> [UInt8]? {
            guard let bytes = try await self.base.next() else { return nil }
            self.onConsume(bytes.count)
            return bytes
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: self.base.makeAsyncIterator(), onConsume: self.onConsume)
    }

    /// A stream and its producer side; `onConsume` receives the size of every
    /// message the handler takes.
    static func makeStream(
        onConsume: @escaping @Sendable (Int) -> Void = { _ in }
    ) -> (stream: RawRequestStream, continuation: Continuation) {
        let (base, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        return (RawRequestStream(base: base, onConsume: onConsume), continuation)
    }
}

/// The bytes a stream has received but its handler has not yet taken.
///
/// The connection stops reading while a stream is over its budget, so a
/// client that streams faster than the handler consumes cannot make the
/// server buffer without limit; it resumes once the handler catches up.
final class InboundBudget: Sendable {
    /// Each message also costs this much, so empty messages count too.
    static let messageOverhead = 16

    let limit: Int
    private let queued = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    var queuedBytes: Int { self.queued.load(ordering: .relaxed) }

    /// Records a queued message; returns whether the stream is now over budget.
    func add(_ count: Int) -> Bool {
        self.queued.add(count + Self.messageOverhead, ordering: .relaxed).newValue > self.limit
    }

    /// Records a consumed message; returns whether this brought the stream
    /// back within budget.
    func release(_ count: Int) -> Bool {
        let cost = count + Self.messageOverhead
        let after = self.queued.subtract(cost, ordering: .relaxed).newValue
        return after <= self.limit && after + cost > self.limit
    }
}
