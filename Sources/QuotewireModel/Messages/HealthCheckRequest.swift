/// Asks whether a service is serving (`grpc.health.v1.HealthCheckRequest`).
public struct HealthCheckRequest: Sendable, Hashable {
    /// The service to check; empty means the server as a whole.
    public var service: String

    public init(service: String = "") {
        self.service = service
    }
}
