import QuotewireModel

/// An error that knows which status it should be answered with; handlers
/// throw such errors and the dispatcher maps them in one place
/// (``RPCError/init(mapping:)``).
public protocol RPCStatusConvertible: Error {
    /// The status to answer with.
    var rpcError: RPCError { get }
}

extension RPCError: RPCStatusConvertible {
    public var rpcError: RPCError { self }
}

extension AnalyzeError: RPCStatusConvertible {
    public var rpcError: RPCError {
        switch self {
        case .bodyTooLarge, .responseTooLarge:
            return RPCError(code: .resourceExhausted, message: description)
        case .cancelled:
            return RPCError(code: .cancelled, message: description)
        case .deadlineExceeded:
            return RPCError(code: .deadlineExceeded, message: description)
        case .missingArticle, .unsupportedOption, .unsupportedLanguage:
            return RPCError(code: .invalidArgument, message: description)
        }
    }
}

extension CodecError: RPCStatusConvertible {
    /// Undecodable input is the caller's fault (INVALID_ARGUMENT); the
    /// message names the offending field when there is one.
    public var rpcError: RPCError {
        switch self {
        case .tooLarge:
            return RPCError(code: .resourceExhausted, message: description)
        case .allocationFailed:
            return RPCError(code: .resourceExhausted, message: description)
        case .malformed, .invalidUTF8, .embeddedNUL:
            return RPCError(code: .invalidArgument, message: description)
        }
    }
}

extension RPCError {
    /// The single mapping from anything a handler throws to the status the
    /// peer receives: status-convertible errors choose their own, task
    /// cancellation is CANCELLED, anything else is UNKNOWN.
    public init(mapping error: any Error) {
        switch error {
        case let convertible as any RPCStatusConvertible:
            self = convertible.rpcError
        case is CancellationError:
            self.init(code: .cancelled, message: "the call was cancelled")
        default:
            self.init(code: .unknown, message: String(describing: error))
        }
    }
}
