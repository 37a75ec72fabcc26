import ArgumentParser

/// `--input auto|text|jsonl`: how the inputs hold articles.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    /// `.jsonl` and `.ndjson` files are JSON Lines, other files text; standard
    /// input is JSON Lines when its first non-blank character is `{`.
    case auto
    /// Every file (and standard input) is the body of one article.
    case text
    /// Every file (and standard input) holds one Article as proto3 JSON per line.
    case jsonl

    static func isJSONLinesPath(_ path: String) -> Bool {
        path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
    }
}
