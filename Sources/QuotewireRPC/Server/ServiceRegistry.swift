import QuotewireModel

/// The methods a server serves, by service and method name, with typed
/// requests and responses decoded and encoded through the model codec.
///
/// Handlers throw typed errors (``RPCError``, `AnalyzeError`, `CodecError`,
/// or anything ``RPCStatusConvertible``); the server maps them to a status
/// in one place. Anything else is answered UNKNOWN.
public struct ServiceRegistry: Sendable {
    private(set) var handlers: [MethodDescriptor: MethodHandler] = [:]
    /// Services in registration order, each with its methods in order.
    public private(set) var services: [ServiceInfo] = []

    public init() {}

    /// Whether a method is registered.
    public func hasHandler(for method: MethodDescriptor) -> Bool {
        self.handlers[method] != nil
    }

    /// Whether any method of a service is registered.
    public func hasService(_ name: String) -> Bool {
        self.services.contains { $0.name == name }
    }

    /// Registers a unary method whose handler may suspend; it runs in a task.
    public mutating func unary<Request: ProtobufMessage, Response: ProtobufMessage>(
        service: String, method: String,
        _ body: @escaping @Sendable (Request, CallContext) async throws -> Response
    ) {
        self.register(service: service, method: method, .asynchronous({ bytes, context in
            let request = try Request(protobuf: bytes)
            return try await body(request, context).responseBytes()
        }))
    }

    /// Registers a unary method that computes without suspending; `execution`
    /// says whether it runs on the event loop or on the thread pool.
    public mutating func synchronousUnary<Request: ProtobufMessage, Response: ProtobufMessage>(
        service: String, method: String, execution: ExecutionPolicy,
        _ body: @escaping @Sendable (Request, CallContext) throws -> Response
    ) {
        self.register(service: service, method: method, .synchronous(execution, { bytes, context in
            let request = try Request(protobuf: bytes)
            return try body(request, context).responseBytes()
        }))
    }

    /// Registers a client-streaming method: many requests, one response.
    public mutating func clientStreaming<Request: ProtobufMessage, Response: ProtobufMessage>(
        service: String, method: String,
        _ body: @escaping @Sendable (RequestStream<Request>, CallContext) async throws -> Response
    ) {
        self.register(service: service, method: method, .streaming({ raw, sink, context in
            let response = try await body(RequestStream(raw: raw, limits: .default), context)
            try await sink.send(response.responseBytes())
        }))
    }

    /// Registers a server-streaming method: one request, many responses.
    public mutating func serverStreaming<Request: ProtobufMessage, Response: ProtobufMessage>(
        service: String, method: String,
        _ body: @escaping @Sendable (Request, ResponseWriter<Response>, CallContext) async throws -> Void
    ) {
        self.register(service: service, method: method, .streaming({ raw, sink, context in
            var iterator = RequestStream<Request>(raw: raw, limits: .default).makeAsyncIterator()
            guard let request = try await iterator.next() else {
                throw RPCError(code: .invalidArgument, message: "the stream carried no request")
            }
            try await body(request, ResponseWriter(sink: sink), context)
        }))
    }

    /// Registers a bidirectional-streaming method.
    public mutating func bidirectionalStreaming<Request: ProtobufMessage, Response: ProtobufMessage>(
        service: String, method: String,
        _ body: @escaping @Sendable (RequestStream<Request>, ResponseWriter<Response>, CallContext) async throws -> Void
    ) {
        self.register(service: service, method: method, .streaming({ raw, sink, context in
            try await body(RequestStream(raw: raw, limits: .default), ResponseWriter(sink: sink), context)
        }))
    }

    mutating func register(service: String, method: String, _ handler: MethodHandler) {
        let descriptor = MethodDescriptor(service: service, method: method)
        if self.handlers.updateValue(handler, forKey: descriptor) != nil { return }
        if let index = self.services.firstIndex(where: { $0.name == service }) {
            self.services[index].methods.append(method)
        } else {
            self.services.append(ServiceInfo(name: service, methods: [method]))
        }
    }

    func handler(service: String, method: String) -> MethodHandler? {
        self.handlers[MethodDescriptor(service: service, method: method)]
    }
}
