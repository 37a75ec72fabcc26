/// The serving status of a service (`grpc.health.v1.HealthCheckResponse`).
public struct HealthCheckResponse: Sendable, Hashable {
    /// Whether a service takes calls (`HealthCheckResponse.ServingStatus`).
    public enum ServingStatus: Sendable, Hashable {
        /// Not known.
        case unknown
        /// Takes calls.
        case serving
        /// Does not take calls, e.g. while the server drains.
        case notServing
        /// The server does not know the service asked about.
        case serviceUnknown
        /// A value this version does not know, kept as it came.
        case unrecognized(Int32)
    }

    /// The status of the service asked about.
    public var status: ServingStatus

    public init(status: ServingStatus = .unknown) {
        self.status = status
    }
}

extension HealthCheckResponse.ServingStatus: ProtobufEnum {
    public static let cases: [(value: Int32, name: String, case: HealthCheckResponse.ServingStatus)] = [
        (0, "UNKNOWN", .unknown),
        (1, "SERVING", .serving),
        (2, "NOT_SERVING", .notServing),
        (3, "SERVICE_UNKNOWN", .serviceUnknown),
    ]

    public var unrecognizedValue: Int32? {
        if case .unrecognized(let value) = self { return value }
        return nil
    }
}
