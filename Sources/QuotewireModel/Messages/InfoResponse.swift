/// What a server is and what it serves (`quotewire.v1.InfoResponse`).
public struct InfoResponse: Sendable, Hashable {
    /// The server's version.
    public var version: String
    /// The services and methods it serves.
    public var services: [ServiceInfo]
    /// The limits it enforces.
    public var limits: ServerLimits?

    public init(version: String = "", services: [ServiceInfo] = [], limits: ServerLimits? = nil) {
        self.version = version
        self.services = services
        self.limits = limits
    }
}
