/// A message of the Quotewire contract that encodes to and decodes from the
/// protobuf wire format (through libprotobuf-c) and proto3 JSON. Every
/// message of proto/ conforms through code generated from it.
public protocol ProtobufMessage: Sendable, Hashable, ProtobufJSONEncodable, ProtobufJSONDecodable {
    /// The fully qualified protobuf name, e.g. `"quotewire.v1.Article"`.
    static var protobufName: String { get }

    /// Decodes a message from protobuf bytes, validating every string field
    /// (UTF-8, no U+0000) and the size limit first.
    init(protobuf bytes: UnsafeRawBufferPointer, limits: DecodingLimits) throws(CodecError)

    /// Encodes the message to protobuf bytes. Strings containing U+0000 are
    /// an error: protobuf-c would truncate them.
    func protobufBytes() throws(CodecError) -> [UInt8]
}

extension ProtobufMessage {
    /// Decodes a message from protobuf bytes with the given limits.
    public init(protobuf bytes: [UInt8], limits: DecodingLimits = .default) throws(CodecError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(CodecError) in try Self(protobuf: buffer, limits: limits) }
        }
        self = try result.get()
    }
}

/// Bounds on what a decoder accepts.
public struct DecodingLimits: Sendable, Hashable {
    /// The largest message accepted, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of messages accepted.
    public var maxDepth: Int

    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 32) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// 64 MiB and 32 levels.
    public static let `default` = DecodingLimits()
}

/// Why a message could not be encoded or decoded.
public enum CodecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not a valid encoding of the message.
    case malformed(message: String, reason: String)
    /// A string field holds bytes that are not UTF-8.
    case invalidUTF8(message: String, field: String)
    /// A string field holds U+0000, which protobuf-c cannot carry.
    case embeddedNUL(message: String, field: String)
    /// The input is larger than the limit.
    case tooLarge(message: String, bytes: Int, limit: Int)
    /// The C library could not allocate memory.
    case allocationFailed(message: String)

    /// The dotted path of the offending field, when the error concerns one.
    public var field: String? {
        switch self {
        case .invalidUTF8(_, let field), .embeddedNUL(_, let field): return field
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .malformed(let message, let reason):
            return "malformed \(message): \(reason)"
        case .invalidUTF8(let message, let field):
            return "invalid UTF-8 in field \(field) of \(message)"
        case .embeddedNUL(let message, let field):
            return "field \(field) of \(message) contains U+0000, which cannot be carried"
        case .tooLarge(let message, let bytes, let limit):
            return "\(message) of \(bytes) bytes exceeds the limit of \(limit) bytes"
        case .allocationFailed(let message):
            return "out of memory while decoding \(message)"
        }
    }
}
