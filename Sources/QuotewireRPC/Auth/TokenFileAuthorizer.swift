import NIOConcurrencyHelpers

/// A ``BearerTokenAuthorizer`` for the tokens of a file, which ``reload()``
/// reads again (`serve` does on SIGHUP): calls checked after a reload see
/// the new tokens; a file that no longer loads keeps the tokens in use.
public final class TokenFileAuthorizer: Sendable {
    /// The token file.
    public let path: String
    private let current: NIOLockedValueBox<BearerTokenAuthorizer>

    /// Reads the file; an unreadable or empty one throws.
    public init(path: String) throws(TokenFile.LoadError) {
        self.path = path
        self.current = NIOLockedValueBox(BearerTokenAuthorizer(tokenFile: try TokenFile(contentsOf: path)))
    }

    /// Reads the file again and accepts its tokens from now on.
    public func reload() throws(TokenFile.LoadError) {
        let next = BearerTokenAuthorizer(tokenFile: try TokenFile(contentsOf: self.path))
        self.current.withLockedValue { $0 = next }
    }

    /// The hook for ``ServerConfiguration/authorizer``.
    public var authorizer: ServerConfiguration.Authorizer {
        { context throws(RPCError) in try self.current.withLockedValue { $0 }.authorize(context.metadata) }
    }
}
