import Foundation

/// One hand-judged item of the demand gold (`Tests/Fixtures/demands/*.jsonl`): a directive-like
/// attribution, whether it is a demand, and if so its addressee and action. Offsets are Unicode
/// scalar offsets, end exclusive.
public struct DemandGoldItem: Sendable, Hashable, Decodable {
    /// The document name (the text file without `.txt`).
    public var document: String
    /// The attribution's cue, source and content fragments, as annotated.
    public var cue: [Range<Int>]
    public var source: [Range<Int>]
    public var content: [Range<Int>]
    /// Whether the attribution reports a demand.
    public var isDemand: Bool
    /// Whom the demand addresses; `nil` for none (or for a non-demand).
    public var addressee: Range<Int>?
    /// The demanded action; `nil` for a non-demand.
    public var action: Range<Int>?

    public init(
        document: String, cue: [Range<Int>] = [], source: [Range<Int>] = [], content: [Range<Int>],
        isDemand: Bool, addressee: Range<Int>? = nil, action: Range<Int>? = nil
    ) {
        self.document = document
        self.cue = cue
        self.source = source
        self.content = content
        self.isDemand = isDemand
        self.addressee = addressee
        self.action = action
    }

    private enum CodingKeys: String, CodingKey {
        case document = "doc", cue, source, content, isDemand = "is_demand", addressee, action
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func ranges(_ key: CodingKeys) throws -> [Range<Int>] {
            try (container.decodeIfPresent([[Int]].self, forKey: key) ?? []).map { try Self.range($0, key) }
        }
        func range(_ key: CodingKeys) throws -> Range<Int>? {
            try container.decodeIfPresent([Int].self, forKey: key).map { try Self.range($0, key) }
        }
        self.document = try container.decode(String.self, forKey: .document)
        self.cue = try ranges(.cue)
        self.source = try ranges(.source)
        self.content = try ranges(.content)
        self.isDemand = try container.decode(Bool.self, forKey: .isDemand)
        self.addressee = try range(.addressee)
        self.action = try range(.action)
        guard !self.content.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .content, in: container, debugDescription: "content is empty")
        }
        if self.isDemand && self.action == nil {
            throw DecodingError.dataCorruptedError(forKey: .action, in: container, debugDescription: "a demand needs an action")
        }
    }

    private static func range(_ pair: [Int], _ key: CodingKeys) throws -> Range<Int> {
        guard pair.count == 2, pair[0] >= 0, pair[1] >= pair[0] else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: [key], debugDescription: "\(key.stringValue) \(pair) is not [start, end] with 0 <= start <= end"))
        }
        return pair[0]..<pair[1]
    }
}
