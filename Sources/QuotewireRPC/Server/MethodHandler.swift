/// How a registered method turns request bytes into response bytes; built by
/// ``ServiceRegistry`` from typed closures.
enum MethodHandler: Sendable {
    /// CPU-bound work without suspension points, run where `policy` says.
    case synchronous(ExecutionPolicy, @Sendable ([UInt8], CallContext) throws -> [UInt8])
    /// A unary call that may suspend; runs in a task.
    case asynchronous(@Sendable ([UInt8], CallContext) async throws -> [UInt8])
    /// A ttrpc 1.2 stream (client, server or bidirectional); runs in a task.
    case streaming(@Sendable (RawRequestStream, ResponseSink, CallContext) async throws -> Void)

    var isStreaming: Bool {
        if case .streaming = self { return true }
        return false
    }
}

/// Sends one encoded response message of a stream; returns once it is written.
struct ResponseSink: Sendable {
    let send: @Sendable ([UInt8]) async throws -> Void
}
