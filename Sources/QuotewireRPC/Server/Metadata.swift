import QuotewireModel

/// The metadata of a call, keys lower-cased, in the order the client sent them.
public struct Metadata: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The entries; a key may repeat.
    public private(set) var entries: [KeyValue]

    public init(_ entries: [KeyValue] = []) {
        self.entries = []
        self.entries.reserveCapacity(entries.count)
        for entry in entries { self.append(key: entry.key, value: entry.value) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { KeyValue(key: $0.0, value: $0.1) })
    }

    /// Adds an entry; the key is lower-cased.
    public mutating func append(key: String, value: String) {
        let lowered = key.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? key.lowercased() : key
        self.entries.append(KeyValue(key: lowered, value: value))
    }

    /// The first value for a key (matched case-insensitively).
    public subscript(key: String) -> String? {
        let lowered = key.lowercased()
        return self.entries.first(where: { $0.key == lowered })?.value
    }

    /// Every value for a key (matched case-insensitively).
    public func values(forKey key: String) -> [String] {
        let lowered = key.lowercased()
        return self.entries.filter { $0.key == lowered }.map(\.value)
    }

    public var isEmpty: Bool { self.entries.isEmpty }

    public func makeIterator() -> IndexingIterator<[KeyValue]> {
        self.entries.makeIterator()
    }
}
