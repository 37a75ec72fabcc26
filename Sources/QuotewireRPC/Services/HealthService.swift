import QuotewireModel

/// `grpc.health.v1.Health/Check`: SERVING while the server takes calls,
/// NOT_SERVING once it drains, SERVICE_UNKNOWN for a service it does not serve.
enum HealthService {
    static let name = "grpc.health.v1.Health"

    static func register(into registry: inout ServiceRegistry, servedServices: Set<String>, state: ServerState) {
        registry.synchronousUnary(service: Self.name, method: "Check", execution: .inline) {
            (request: HealthCheckRequest, _: CallContext) -> HealthCheckResponse in
            guard request.service.isEmpty || request.service == Self.name || servedServices.contains(request.service)
            else { return HealthCheckResponse(status: .serviceUnknown) }
            return HealthCheckResponse(status: state.isDraining ? .notServing : .serving)
        }
    }
}
