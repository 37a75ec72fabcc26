/// Why TLS cannot be set up from the given files: names the file, its role
/// and what was wrong with it (never its contents).
public struct TLSSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the file was for: "certificate", "private key", "client CA", "CA".
    public var role: String
    /// The file's path (empty when the problem is not one file's).
    public var path: String
    /// What was wrong.
    public var reason: String

    public init(role: String, path: String, reason: String) {
        self.role = role
        self.path = path
        self.reason = reason
    }

    public var description: String {
        self.path.isEmpty ? "TLS \(self.role): \(self.reason)" : "TLS \(self.role) \(self.path): \(self.reason)"
    }
}
