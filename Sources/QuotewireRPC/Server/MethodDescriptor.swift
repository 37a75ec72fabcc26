/// A method of a service, as ttrpc names it on the wire.
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// Fully qualified service name, e.g. `"quotewire.v1.Analyzer"`.
    public var service: String
    /// Method name, e.g. `"Analyze"`.
    public var method: String

    public init(service: String, method: String) {
        self.service = service
        self.method = method
    }

    /// The bucket that observers see for names the server does not serve, so
    /// that metric dimensions stay bounded.
    public static let unknown = MethodDescriptor(service: "unknown", method: "unknown")

    public var description: String {
        "\(service)/\(method)"
    }
}
