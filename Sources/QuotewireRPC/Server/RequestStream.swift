import QuotewireModel

/// The request messages of a streaming call, decoded as they arrive; ends
/// when the client closes its side.
public struct RequestStream<Message: ProtobufMessage>: AsyncSequence, Sendable {
    public typealias Element = Message

    let raw: RawRequestStream
    let limits: DecodingLimits

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: RawRequestStream.AsyncIterator
        let limits: DecodingLimits

        public mutating func next() async throws -> Message? {
            guard let bytes = try await self.base.next() else { return nil }
            return try Message(protobuf: bytes, limits: self.limits)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: self.raw.makeAsyncIterator(), limits: self.limits)
    }
}
