import ArgumentParser

/// `--format text|json|jsonl|csv`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Readable: each quote with speaker, cue and confidence; each demand.
    case text
    /// One JSON array of the proto3 JSON responses.
    case json
    /// One proto3 JSON response per line.
    case jsonl
    /// One row per quote and per demand (``CSVRows/header``).
    case csv

    /// Whether `--resume` can find the articles already answered in such a file.
    var isResumable: Bool { self == .jsonl || self == .csv }
}
