/// A read-only map from ``WordHash`` to values, with open addressing on the
/// hash itself: lookups cost a few instructions, with no `Hasher` round.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let mask: Int

    init(_ pairs: [(WordHash, Value)]) {
        var capacity = 16
        while capacity < pairs.count * 3 { capacity <<= 1 }
        self.keys = [UInt64](repeating: 0, count: capacity)
        self.values = [Value?](repeating: nil, count: capacity)
        self.mask = capacity - 1
        for (key, value) in pairs { self.insert(key, value) }
    }

    private mutating func insert(_ key: WordHash, _ value: Value) {
        let stored = key.value == 0 ? 1 : key.value
        var slot = Int(truncatingIfNeeded: stored ^ (stored >> 29)) & self.mask
        while self.keys[slot] != 0 && self.keys[slot] != stored { slot = (slot + 1) & self.mask }
        self.keys[slot] = stored
        self.values[slot] = value
    }

    subscript(_ key: WordHash) -> Value? {
        let stored = key.value == 0 ? 1 : key.value
        var slot = Int(truncatingIfNeeded: stored ^ (stored >> 29)) & self.mask
        while true {
            let found = self.keys[slot]
            if found == stored { return self.values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & self.mask
        }
    }
}

/// A read-only set of words with the lookup cost of ``WordTable``.
struct WordSet: Sendable {
    private let table: WordTable<Bool>

    init(_ words: [WordHash]) {
        self.table = WordTable(words.map { ($0, true) })
    }

    func contains(_ word: WordHash) -> Bool {
        self.table[word] != nil
    }
}
