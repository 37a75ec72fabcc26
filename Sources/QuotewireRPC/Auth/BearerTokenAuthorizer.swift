/// Checks the `authorization: Bearer TOKEN` metadata of a call against a set
/// of accepted tokens; use ``authorizer`` as ``ServerConfiguration/authorizer``.
///
/// The comparison takes the same time whichever token is presented and
/// however much of it matches: every accepted token is compared over the
/// same number of bytes, without early exit. Failures are UNAUTHENTICATED
/// with a message that says what was wrong and never echoes the token.
public struct BearerTokenAuthorizer: Sendable {
    /// The metadata key of the credentials.
    public static let metadataKey = "authorization"

    private let tokens: [[UInt8]]
    /// Every comparison covers this many bytes: the longest accepted token.
    private let width: Int

    /// - Parameter tokens: the accepted tokens; empty ones are ignored.
    public init(tokens: [String]) {
        self.tokens = tokens.filter { !$0.isEmpty }.map { Array($0.utf8) }
        self.width = self.tokens.map(\.count).max() ?? 0
    }

    /// Accepts the tokens of a token file.
    public init(tokenFile: TokenFile) {
        self.init(tokens: tokenFile.tokens)
    }

    /// The hook for ``ServerConfiguration/authorizer``.
    public var authorizer: ServerConfiguration.Authorizer {
        { context throws(RPCError) in try self.authorize(context.metadata) }
    }

    /// Succeeds when the metadata carries an accepted bearer token.
    public func authorize(_ metadata: Metadata) throws(RPCError) {
        guard let value = metadata[Self.metadataKey] else {
            throw RPCError(
                code: .unauthenticated,
                message: "missing credentials: expected metadata 'authorization: Bearer <token>'")
        }
        let scheme = "bearer "
        guard value.utf8.count > scheme.utf8.count,
            String(decoding: value.utf8.prefix(scheme.utf8.count), as: UTF8.self).lowercased() == scheme
        else {
            throw RPCError(
                code: .unauthenticated, message: "malformed authorization metadata: expected 'Bearer <token>'")
        }
        let presented = Array(value.utf8.dropFirst(scheme.utf8.count))
        guard self.accepts(presented) else {
            throw RPCError(code: .unauthenticated, message: "invalid bearer token")
        }
    }

    /// Whether `presented` is one of the tokens, in time independent of its content.
    func accepts(_ presented: [UInt8]) -> Bool {
        var matched: UInt8 = 0
        for token in self.tokens {
            var difference = UInt64(truncatingIfNeeded: token.count ^ presented.count)
            for index in 0..<self.width {
                let expected = index < token.count ? token[index] : 0
                let actual = index < presented.count ? presented[index] : 0
                difference |= UInt64(expected ^ actual)
            }
            // 1 when difference == 0, else 0, without a data-dependent branch.
            matched |= UInt8(truncatingIfNeeded: ((difference | (0 &- difference)) >> 63) ^ 1)
        }
        return matched == 1
    }
}
