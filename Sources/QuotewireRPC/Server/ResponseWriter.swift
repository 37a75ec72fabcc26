import QuotewireModel

/// Sends the response messages of a streaming call.
public struct ResponseWriter<Message: ProtobufMessage>: Sendable {
    let sink: ResponseSink

    /// Encodes and sends one message; returns once it is written to the
    /// connection (back-pressure), throws if the call is over.
    public func write(_ message: Message) async throws {
        try await self.sink.send(message.responseBytes())
    }
}
