import Foundation

/// A demand gold file: one `DemandGoldItem` per JSON line.
public struct DemandGold: Sendable, Hashable {
    /// The items in file order.
    public var items: [DemandGoldItem]

    public init(items: [DemandGoldItem]) {
        self.items = items
    }

    /// Why a gold file cannot be read.
    public enum ParseError: Error, CustomStringConvertible, Equatable {
        /// Line `line` (from 1) is not a gold item; `reason` says why.
        case invalidLine(line: Int, reason: String)
        /// The file holds no item.
        case empty

        public var description: String {
            switch self {
            case .invalidLine(let line, let reason): return "line \(line): \(reason)"
            case .empty: return "no demand gold items"
            }
        }
    }

    /// Parses JSON Lines; blank lines are skipped, any other bad line is an error.
    public init(parsing source: String) throws(ParseError) {
        var items: [DemandGoldItem] = []
        let decoder = JSONDecoder()
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            do {
                items.append(try decoder.decode(DemandGoldItem.self, from: Data(line.utf8)))
            } catch {
                throw .invalidLine(line: number + 1, reason: Self.reason(error))
            }
        }
        guard !items.isEmpty else { throw .empty }
        self.items = items
    }

    /// The names of the documents the gold judges, in first-seen order.
    public var documents: [String] {
        var seen = Set<String>()
        return self.items.map(\.document).filter { seen.insert($0).inserted }
    }

    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : context.debugDescription
        case .keyNotFound(let key, _):
            return "no \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
        default:
            return "\(error)"
        }
    }
}
