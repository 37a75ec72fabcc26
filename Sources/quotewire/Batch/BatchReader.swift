import Foundation
import QuotewireModel

/// Reads the articles of the command line's inputs one at a time, in order:
/// text files (one article each) and JSON Lines files or standard input (one
/// Article as proto3 JSON per line), so a file of any size streams through.
final class BatchReader {
    /// An input named on the command line (folders already expanded).
    enum Source: Hashable {
        case text(ArticleSource)
        case jsonLines(path: String)
        case standardInput
    }

    private var sources: [Source]
    private let format: InputFormat
    private var lines: (reader: LineReader, name: String)?
    private let parser = JSONParser()

    init(sources: [Source], format: InputFormat) {
        self.sources = sources.reversed()
        self.format = format
    }

    /// The sources of the arguments: `-` (or nothing) is standard input, a
    /// folder means its `.txt` (and, unless `--input text`, `.jsonl`) files.
    static func sources(_ arguments: [String], format: InputFormat) throws(CommandFailure) -> [Source] {
        var sources: [Source] = []
        for argument in arguments.isEmpty ? ["-"] : arguments {
            if argument == "-" {
                sources.append(.standardInput)
                continue
            }
            let wanted: (String) -> Bool = { path in
                path.hasSuffix(".txt") || (format != .text && InputFormat.isJSONLinesPath(path))
            }
            for file in try ArticleSource.collect([argument], including: wanted) {
                let jsonLines = format == .jsonl || (format == .auto && InputFormat.isJSONLinesPath(file.path))
                sources.append(jsonLines ? .jsonLines(path: file.path) : .text(file))
            }
        }
        return sources
    }

    /// The number of articles when every source is a text file (nil otherwise: unknown until read).
    static func knownCount(_ sources: [Source]) -> Int? {
        sources.allSatisfy { if case .text = $0 { true } else { false } } ? sources.count : nil
    }

    /// The next article (or unreadable input); nil when every input is read.
    /// A JSON Lines file that cannot be opened ends the batch with an error.
    func next() throws(CommandFailure) -> BatchEntry? {
        while true {
            if let (reader, name) = lines {
                guard let line = try reader.nextLine() else {
                    lines = nil
                    continue
                }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                return entry(jsonLine: line, origin: "\(name):\(reader.lineNumber)")
            }
            guard let source = sources.popLast() else { return nil }
            switch source {
            case .text(let file):
                do throws(CommandFailure) {
                    return .article(try file.read(), origin: file.path)
                } catch {
                    if error.status == ExitStatus.noInput { throw error }
                    return .unreadable(origin: file.path, message: Self.withoutOrigin(error.message, file.path))
                }
            case .jsonLines(let path):
                lines = (try LineReader(path: path), path)
            case .standardInput:
                let reader = LineReader.standardInput()
                var isJSONLines = format == .jsonl
                if format == .auto { isJSONLines = try reader.firstNonWhitespaceByte() == UInt8(ascii: "{") }
                if isJSONLines {
                    lines = (reader, "stdin")
                } else {
                    let source = ArticleSource(path: "-", id: "stdin")
                    do throws(CommandFailure) {
                        return .article(try source.article(from: reader.readToEnd()), origin: "stdin")
                    } catch {
                        return .unreadable(origin: "stdin", message: Self.withoutOrigin(error.message, "-"))
                    }
                }
            }
        }
    }

    private static func withoutOrigin(_ message: String, _ path: String) -> String {
        message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
    }

    /// An article from one JSON line; an empty id becomes the origin (`file:line`).
    private func entry(jsonLine line: ArraySlice<UInt8>, origin: String) -> BatchEntry {
        do {
            var article = try Article(protobufJSON: parser.parse(line))
            if article.body.isEmpty {
                return .unreadable(origin: origin, message: "the article has no body (its text goes in \"body\")")
            }
            if article.id.isEmpty { article.id = origin }
            return .line(article, origin: origin)
        } catch {
            return .unreadable(origin: origin, message: "\(error)")
        }
    }
}
