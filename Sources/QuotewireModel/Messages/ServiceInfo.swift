/// One service a server offers (`quotewire.v1.ServiceInfo`).
public struct ServiceInfo: Sendable, Hashable {
    /// Fully qualified name, e.g. `"quotewire.v1.Analyzer"`.
    public var name: String
    /// Its method names.
    public var methods: [String]

    public init(name: String = "", methods: [String] = []) {
        self.name = name
        self.methods = methods
    }
}
