import Instrumentation
import NIOCore
import NIOPosix
import QuotewireModel

/// An async/await ttrpc client: calls are multiplexed over a few connections
/// (round-robin over healthy endpoints), with per-call deadlines and
/// metadata, bounded and budgeted retries of UNAVAILABLE for idempotent
/// calls, and streams as async sequences. Silent peers are found by
/// keepalive probes (``Keepalive``) and their endpoints reconnected in the
/// background; a DNS target follows its name's addresses. Errors are
/// ``RPCError``s.
///
/// Call ``close()`` when done: it closes the connections and stops the threads.
public final class TTRPCClient: Sendable {
    /// The configuration the client runs with.
    public let configuration: ClientConfiguration
    private let group: any EventLoopGroup
    /// Whether the client made its threads (and so stops them on close).
    private let ownsGroup: Bool
    let pool: ConnectionPool
    let retryBudget: RetryBudget

    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
        if let shared = configuration.eventLoopGroup {
            self.group = shared
            self.ownsGroup = false
        } else {
            self.group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.threads)
            self.ownsGroup = true
        }
        self.pool = ConnectionPool(configuration: configuration, group: self.group)
        self.retryBudget = RetryBudget(configuration.retryPolicy)
    }

    /// A client of `target` (`host:port`, `unix:/path`, a comma-separated
    /// list, or `dns:name:port`) with default settings.
    public convenience init(target: String) throws(RPCError) {
        self.init(configuration: ClientConfiguration(target: try ClientTarget(parsing: target)))
    }

    /// Closes every connection and stops the client's threads.
    public func close() async {
        // An attempt past its cancellation check reaches its connect within microseconds (then the
        // shutdown fails it); one that never gets there must not hold the client open.
        for attempt in self.pool.close() {
            _ = try? await ConnectionPool.wait(for: attempt, until: .now() + .milliseconds(100))
        }
        if self.ownsGroup { try? await self.group.shutdownGracefully() }
    }

    // MARK: Generic calls

    /// Makes a unary call with typed messages.
    public func unary<Request: ProtobufMessage, Response: ProtobufMessage>(
        service: String, method: String, request: Request, responseType: Response.Type = Response.self,
        options: CallOptions = CallOptions()
    ) async throws(RPCError) -> Response {
        let payload: [UInt8]
        do {
            payload = try request.protobufBytes()
        } catch {
            throw RPCError(code: .invalidArgument, message: "the request cannot be encoded: \(error)")
        }
        let bytes = try await self.unary(service: service, method: method, payload: payload, options: options)
        do {
            return try Response(protobuf: bytes)
        } catch {
            throw RPCError(code: .internal, message: "the response cannot be decoded: \(error)")
        }
    }

    /// Makes a unary call with an encoded request; returns the encoded response.
    public func unary(
        service: String, method: String, payload: [UInt8], options: CallOptions = CallOptions()
    ) async throws(RPCError) -> [UInt8] {
        let deadline = options.timeout.map { NIODeadline.now() + TimeAmount($0) }
        var attempt = 1
        while true {
            do throws(RPCError) {
                let requestBytes = try Self.encodeRequest(
                    service: service, method: method, payload: payload, deadline: deadline,
                    metadata: self.metadata(for: options))
                let connection = try await self.pool.connection(deadline: deadline)
                let response = try await connection.unary(requestBytes: requestBytes, deadline: deadline)
                self.retryBudget.recordSuccess()
                return response
            } catch {
                let delay = try self.retryDelay(after: error, attempt: attempt, isIdempotent: options.isIdempotent, deadline: deadline)
                attempt += 1
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw RPCError(code: .cancelled, message: "the call was cancelled")
                }
            }
        }
    }

    /// The delay before sending again a call whose attempt `attempt` (1 for
    /// the first) failed with `error`, or `error` itself when it may not be
    /// retried: only UNAVAILABLE of an idempotent call with attempts and
    /// retry budget left; DEADLINE_EXCEEDED when the delay would pass
    /// `deadline`. For callers driving calls themselves (``DirectConnection``);
    /// it spends the budget, so ask once per retry.
    public func retryDelay(
        after error: RPCError, attempt: Int, isIdempotent: Bool, deadline: NIODeadline?
    ) throws(RPCError) -> Duration {
        let policy = self.configuration.retryPolicy
        guard policy.allowsRetry(of: error.code, attempt: attempt, isIdempotent: isIdempotent) else { throw error }
        let delay = policy.backoff.delay(attempt: attempt)
        if let deadline, NIODeadline.now() + TimeAmount(delay) >= deadline {
            throw RPCError(code: .deadlineExceeded, message: "deadline exceeded while retrying: \(error.message)")
        }
        guard self.retryBudget.withdraw() else {
            throw RPCError(code: error.code, message: "\(error.message) (not retried: the retry budget is spent)")
        }
        return delay
    }

    /// Counts a successful call for the retry budget (``retryDelay(after:attempt:isIdempotent:deadline:)``);
    /// for callers driving calls themselves.
    public func recordSuccess() {
        self.retryBudget.recordSuccess()
    }

    /// Opens a stream (client, server or bidirectional): sends `requests`,
    /// then closes the client side; yields the responses as they arrive.
    public func streaming<Request: ProtobufMessage, Response: ProtobufMessage, Requests: AsyncSequence & Sendable>(
        service: String, method: String, requests: Requests, responseType: Response.Type = Response.self,
        options: CallOptions = CallOptions()
    ) -> AsyncThrowingStream<Response, any Error> where Requests.Element == Request {
        let (responses, continuation) = AsyncThrowingStream<Response, any Error>.makeStream()
        let deadline = options.timeout.map { NIODeadline.now() + TimeAmount($0) }
        let pool = self.pool
        let metadata = self.metadata(for: options)
        let task = Task {
            do {
                let requestBytes = try Self.encodeRequest(
                    service: service, method: method, payload: [], deadline: deadline, metadata: metadata)
                let connection = try await pool.connection(deadline: deadline)
                let encoded = requests.map { try $0.protobufBytes() }
                for try await bytes in connection.stream(
                    requestBytes: requestBytes, deadline: deadline, requests: encoded)
                {
                    continuation.yield(try Response(protobuf: bytes))
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: RPCError(mapping: error))
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return responses
    }

    /// The call's own metadata followed by the client's defaults (servers
    /// read the first value of a key, so the call's own wins); with a
    /// current `ServiceContext` (a span), its trace context
    /// (`traceparent`, `tracestate`) as the instrument writes it.
    func metadata(for options: CallOptions) -> [KeyValue] {
        let defaults = self.configuration.defaultMetadata
        var metadata = defaults.isEmpty ? options.metadata : options.metadata + defaults
        if let traceContext = ServiceContext.current {
            let instrument = self.configuration.instrument ?? InstrumentationSystem.instrument
            instrument.inject(traceContext, into: &metadata, using: MetadataInjector())
        }
        return metadata
    }

    static func encodeRequest(
        service: String, method: String, payload: [UInt8], deadline: NIODeadline?, metadata: [KeyValue]
    ) throws(RPCError) -> [UInt8] {
        var timeoutNano: Int64 = 0
        if let deadline {
            let remaining = (deadline - .now()).nanoseconds
            guard remaining > 0 else { throw RPCError(code: .deadlineExceeded, message: "deadline exceeded") }
            timeoutNano = remaining
        }
        do {
            return try TTRPCRequest(
                service: service, method: method, payload: payload, timeoutNano: timeoutNano, metadata: metadata
            ).protobufBytes()
        } catch {
            throw RPCError(code: .invalidArgument, message: "the request cannot be encoded: \(error)")
        }
    }
}
