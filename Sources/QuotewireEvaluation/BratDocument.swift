/// The text-bound annotations and events of one brat standoff (`.ann`) file.
///
/// Only `T` (text-bound) and `E` (event) lines are read; every other line,
/// including the continuation of an annotation text that spans a line break,
/// is skipped.
public struct BratDocument: Sendable, Hashable {
    /// Text-bound annotations by their identifier (`"T1"`).
    public var textBounds: [String: BratTextBound]
    /// Events in file order.
    public var events: [BratEvent]

    public init(textBounds: [String: BratTextBound] = [:], events: [BratEvent] = []) {
        self.textBounds = textBounds
        self.events = events
    }

    /// Parses the contents of a `.ann` file; malformed lines are skipped.
    public init(parsing source: String) {
        self.init()
        for line in source.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, let kind = fields[0].first, fields[0].dropFirst().allSatisfy(\.isNumber),
                fields[0].count > 1
            else { continue }
            let id = String(fields[0])
            switch kind {
            case "T":
                if let bound = BratTextBound(id: id, header: fields[1]) {
                    self.textBounds[id] = bound
                }
            case "E":
                self.events.append(BratEvent(id: id, header: fields[1]))
            default:
                continue
            }
        }
    }

    /// The `Attribution` events with a Content, each resolved to its spans.
    public var attributions: [GoldAttribution] {
        self.events.compactMap { event -> GoldAttribution? in
            guard let contentID = event.arguments["Content"], let content = self.textBounds[contentID] else {
                return nil
            }
            return GoldAttribution(
                content: content.fragments,
                source: event.arguments["Source"].flatMap { self.textBounds[$0]?.fragments } ?? [],
                cue: event.arguments["Cue"].flatMap { self.textBounds[$0]?.fragments } ?? []
            )
        }
    }
}

/// One `T` line: a typed, possibly discontinuous, range of the text.
public struct BratTextBound: Sendable, Hashable {
    /// `"T12"`.
    public var id: String
    /// `Source`, `Cue`, `Content`, ...
    public var type: String
    /// Half-open character ranges, in file order (`"a b;c d"` gives two).
    public var fragments: [Range<Int>]

    init?(id: String, header: Substring) {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        var fragments: [Range<Int>] = []
        for piece in parts[1].split(separator: ";") {
            let bounds = piece.split(separator: " ")
            guard bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]), start >= 0, end >= start
            else { return nil }
            fragments.append(start..<end)
        }
        guard !fragments.isEmpty else { return nil }
        self.id = id
        self.type = String(parts[0])
        self.fragments = fragments
    }
}

/// One `E` line: a typed event with role arguments (`Cue:T2 Source:T1`).
public struct BratEvent: Sendable, Hashable {
    /// `"E3"`.
    public var id: String
    /// The trigger type, e.g. `Attribution`.
    public var type: String
    /// Role name to text-bound identifier.
    public var arguments: [String: String]

    init(id: String, header: Substring) {
        self.id = id
        self.type = ""
        self.arguments = [:]
        for (index, part) in header.split(separator: " ").enumerated() {
            let pair = part.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if index == 0 {
                self.type = String(pair[0])
            } else {
                self.arguments[String(pair[0])] = String(pair[1])
            }
        }
    }
}
