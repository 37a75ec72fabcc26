/// A read-only map from ``WordHash`` to values, with open addressing on the
/// hash itself: lookups cost a few instructions, with no `Hasher` round and
/// no reference counting.
///
/// Most words looked up are in no lexicon; a bit filter in front of the keys (16 bits a word, a few
/// kilobytes that stay in the first-level cache where the keys would not) answers most of those
/// without reading a key. It only ever says "absent" for absent words, so answers are exact.
///
/// Tables are lexicons built once, as static constants, and live as long as
/// the process: their storage is allocated once and never freed. Do not build
/// them per request.
struct WordTable<Value: BitwiseCopyable & Sendable>: @unchecked Sendable {
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Value>
    private let mask: Int
    /// One bit per filter slot, set for every stored key that maps to it (``filterBit(_:_:)``).
    private let filter: UnsafeMutablePointer<UInt64>
    private let filterMask: Int

    init(_ pairs: [(WordHash, Value)]) {
        var capacity = 16
        while capacity < pairs.count * 3 { capacity <<= 1 }
        self.keys = .allocate(capacity: capacity)
        self.keys.initialize(repeating: 0, count: capacity)
        self.values = .allocate(capacity: capacity)
        self.mask = capacity - 1
        var filterBits = 64
        while filterBits < pairs.count * 16 { filterBits <<= 1 }
        self.filter = .allocate(capacity: filterBits / 64)
        self.filter.initialize(repeating: 0, count: filterBits / 64)
        self.filterMask = filterBits - 1
        for (key, value) in pairs {
            let stored = Self.storedKey(key)
            let bit = Self.filterBit(stored, self.filterMask)
            self.filter[bit >> 6] |= 1 << UInt64(bit & 63)
            var slot = Self.slot(stored, self.mask)
            while self.keys[slot] != 0 && self.keys[slot] != stored { slot = (slot + 1) & self.mask }
            self.keys[slot] = stored
            (self.values + slot).initialize(to: value)
        }
    }

    @inline(__always)
    subscript(_ key: WordHash) -> Value? {
        let stored = Self.storedKey(key)
        let bit = Self.filterBit(stored, self.filterMask)
        guard self.filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        var slot = Self.slot(stored, self.mask)
        while true {
            let found = self.keys[slot]
            if found == stored { return self.values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & self.mask
        }
    }

    /// The stored key of every word in the table (see ``storedKey(_:)``).
    var storedKeys: [UInt64] {
        (0...self.mask).compactMap { self.keys[$0] == 0 ? nil : self.keys[$0] }
    }

    /// Zero marks an empty slot, so a hash of zero is stored as one.
    @inline(__always)
    static func storedKey(_ key: WordHash) -> UInt64 {
        key.value == 0 ? 1 : key.value
    }

    /// The filter bit of a stored key: its bits from 40 up, nearly apart from the slot's (bits 0 and 29 up).
    @inline(__always)
    private static func filterBit(_ stored: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: stored >> 40) & mask
    }

    /// The first slot to probe for a stored key, in a table of `mask + 1` slots.
    @inline(__always)
    static func slot(_ stored: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: stored ^ (stored >> 29)) & mask
    }
}

/// A read-only set of words with the lookup cost of ``WordTable``.
struct WordSet: Sendable {
    private let table: WordTable<Bool>

    init(_ words: [WordHash]) {
        self.table = WordTable(words.map { ($0, true) })
    }

    /// The words of this set and of `others`: one look-up where a hot loop would make several.
    func union(_ others: WordSet...) -> WordSet {
        // A stored key is the word's hash (zero aside, which is stored as one and finds the same slot).
        WordSet(([self] + others).flatMap { $0.table.storedKeys.map { WordHash(value: $0) } })
    }

    @inline(__always)
    func contains(_ word: WordHash) -> Bool {
        self.table[word] != nil
    }
}
