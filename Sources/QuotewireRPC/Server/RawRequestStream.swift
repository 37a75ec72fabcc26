/// The request messages of a stream, still encoded. It reports each message
/// its handler is done with — when the handler asks for the next one, or
/// the stream ends — so the connection can bound the bytes its streams hold
/// (queued, or taken and still being worked on).
struct RawRequestStream: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    typealias Continuation = AsyncThrowingStream<[UInt8], any Error>.Continuation

    private let base: AsyncThrowingStream<[UInt8], any Error>
    private let onRelease: @Sendable (Int) -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator
        let onRelease: @Sendable (Int) -> Void
        /// The size of the message handed out last, until the handler asks for the next.
        var taken: Int?

        mutating func next() async throws -> [UInt8]? {
            if let taken = self.taken {
                self.taken = nil
                self.onRelease(taken)
            }
            guard let bytes = try await self.base.next() else { return nil }
            self.taken = bytes.count
            return bytes
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: self.base.makeAsyncIterator(), onRelease: self.onRelease)
    }

    /// A stream and its producer side; `onRelease` receives the size of every
    /// message the handler is done with. (Messages still held when the
    /// handler stops iterating are released by the connection when the call ends.)
    static func makeStream(
        onRelease: @escaping @Sendable (Int) -> Void = { _ in }
    ) -> (stream: RawRequestStream, continuation: Continuation) {
        let (base, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        return (RawRequestStream(base: base, onRelease: onRelease), continuation)
    }
}
