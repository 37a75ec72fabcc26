/// A JSON document that does not map onto a message: the field and what was wrong.
public struct JSONMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON member name, dotted from the outermost message (`article.body`,
    /// `quotes[2].span`), or nil when the document as a whole is wrong.
    public let field: String?
    public let reason: String

    public init(field: String?, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { field.map { "field \($0): \(reason)" } ?? reason }

    /// The same error seen from the message that holds `parent`.
    func inside(_ parent: String) -> JSONMappingError {
        JSONMappingError(field: field.map { $0.hasPrefix("[") ? parent + $0 : "\(parent).\($0)" } ?? parent, reason: reason)
    }
}
