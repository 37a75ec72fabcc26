#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file of bearer tokens: one per line; blank lines and lines starting
/// with `#` are ignored, as is whitespace around a token.
public struct TokenFile: Sendable, Equatable {
    /// The tokens, in file order.
    public let tokens: [String]

    /// Why a token file cannot be used; never includes a token.
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String, errno: Int32)
        case empty(path: String)
        case notUTF8(path: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let code):
                return "cannot read the token file \(path): \(String(cString: strerror(code)))"
            case .empty(let path):
                return "the token file \(path) holds no token (one per line; blank lines and # comments are ignored)"
            case .notUTF8(let path):
                return "the token file \(path) is not UTF-8 text"
            }
        }
    }

    /// Parses the text of a token file.
    public init(parsing text: String) {
        self.tokens = text.split(whereSeparator: \.isNewline).compactMap { line in
            let token = line.trimmingWhitespace()
            return token.isEmpty || token.hasPrefix("#") ? nil : String(token)
        }
    }

    /// Reads and parses a token file; a file without any token is an error.
    public init(contentsOf path: String) throws(LoadError) {
        let bytes = try Self.readFile(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(path: path) }
        self.init(parsing: text)
        guard !self.tokens.isEmpty else { throw .empty(path: path) }
    }

    private static func readFile(_ path: String) throws(LoadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, errno: errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, errno: errno)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            guard bytes.count <= 1 << 20 else { throw .unreadable(path: path, errno: EFBIG) }
        }
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        guard let first = self.firstIndex(where: { !$0.isWhitespace }),
            let last = self.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
