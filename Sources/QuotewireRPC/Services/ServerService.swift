import QuotewireModel

/// `quotewire.v1.Server`: `Ping` echoes its payload, `Info` reports the
/// version, the services with their methods, and the limits.
enum ServerService {
    static let name = "quotewire.v1.Server"

    static func register(into registry: inout ServiceRegistry, info: @escaping @Sendable () -> InfoResponse) {
        registry.register(service: Self.name, method: "Ping", .synchronous(.inline, { bytes, _ in
            // PingResponse has the wire shape of PingRequest: a request in
            // canonical form (just its payload field) is its own answer.
            let request = try PingRequest(protobuf: bytes)
            if bytes.count == OKResponseCodec.bodySize(payloadCount: request.payload.count) {
                return bytes
            }
            return try PingResponse(payload: request.payload).protobufBytes()
        }))
        registry.synchronousUnary(service: Self.name, method: "Info", execution: .inline) {
            (_: InfoRequest, _: CallContext) -> InfoResponse in
            info()
        }
    }
}
