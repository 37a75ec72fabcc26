#if canImport(Glibc)
import Glibc
#endif
import Foundation
import QuotewireModel

/// Where an article comes from: a text file, or standard input.
struct ArticleSource: Sendable, Hashable {
    /// The path as given (or `-` for standard input).
    let path: String
    /// The article id: for a file named on the command line its name without
    /// the extension; for a file found in a folder its path relative to that
    /// folder without the extension (`2024/03/story`); `stdin` for standard input.
    let id: String

    /// Collects the articles named on the command line: files, folders (their
    /// `.txt` files, recursively, in name order) and `-` for standard input.
    static func collect(
        _ arguments: [String], including wanted: (String) -> Bool = { $0.hasSuffix(".txt") }
    ) throws(CommandFailure) -> [ArticleSource] {
        let manager = FileManager.default
        var sources: [ArticleSource] = []
        for argument in arguments.isEmpty ? ["-"] : arguments {
            if argument == "-" {
                sources.append(ArticleSource(path: "-", id: "stdin"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw CommandFailure(message: "\(argument): no such file or directory", status: ExitStatus.noInput)
            }
            if isDirectory.boolValue {
                let folder = argument.hasSuffix("/") ? argument : argument + "/"
                for file in try FolderWalk.files(under: argument) where wanted(file) {
                    sources.append(ArticleSource(path: folder + file, id: FolderWalk.withoutExtension(file)))
                }
            } else {
                sources.append(ArticleSource(path: argument, id: Self.id(for: argument)))
            }
        }
        return sources
    }

    static func id(for path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Reads the article. The body must be UTF-8 and free of U+0000: it is
    /// refused otherwise, never repaired or truncated.
    func read() throws(CommandFailure) -> Article {
        if path == "-" { return try article(from: LineReader.standardInput().readToEnd()) }
        return try article(from: Self.contents(of: path))
    }

    /// The bytes of a file, read with one `read` call per block (no Foundation
    /// objects: a batch reads thousands of small files).
    static func contents(of path: String) throws(CommandFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CommandFailure(message: "\(path): cannot read: \(String(cString: strerror(errno)))", status: ExitStatus.noInput)
        }
        defer { close(descriptor) }
        var status = stat()
        var bytes = [UInt8](repeating: 0, count: fstat(descriptor, &status) == 0 ? Int(status.st_size) + 1 : 1 << 16)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else {
                throw CommandFailure(message: "\(path): cannot read: \(String(cString: strerror(errno)))", status: ExitStatus.noInput)
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The article whose body is `bytes` (UTF-8 without U+0000, or an error).
    func article(from bytes: some Collection<UInt8>) throws(CommandFailure) -> Article {
        let hasNUL = bytes.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        } ?? bytes.contains(0)
        if hasNUL {
            throw CommandFailure(message: "\(path): contains a NUL character", status: ExitStatus.partialFailure)
        }
        guard let body = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure(message: "\(path): not UTF-8 text", status: ExitStatus.partialFailure)
        }
        return Article(id: id, body: body)
    }
}
