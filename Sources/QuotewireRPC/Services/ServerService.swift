import QuotewireModel

/// `quotewire.v1.Server`: `Ping` echoes its payload, `Info` reports the
/// version, the services with their methods, and the limits.
enum ServerService {
    static let name = "quotewire.v1.Server"

    static func register(into registry: inout ServiceRegistry, info: @escaping @Sendable () -> InfoResponse) {
        registry.synchronousUnary(service: Self.name, method: "Ping", execution: .inline) {
            (request: PingRequest, _: CallContext) -> PingResponse in
            PingResponse(payload: request.payload)
        }
        registry.synchronousUnary(service: Self.name, method: "Info", execution: .inline) {
            (_: InfoRequest, _: CallContext) -> InfoResponse in
            info()
        }
    }
}
