/// A growable map from ``WordHash`` to indices, for the words of one document (the actor registry's
/// keys): open addressing on the hash itself, as in ``WordTable``, so a look-up costs a few
/// instructions and no `Hasher` round. As there, a hash of zero is stored as one (no word hashes to either).
struct WordMap: Sendable {
    /// ``WordTable/storedKey(_:)`` of each slot's word; zero marks an empty slot.
    private var keys: [UInt64] = []
    private var values: [Int] = []
    private var count = 0

    /// The index stored for `key`, if any.
    subscript(_ key: WordHash) -> Int? {
        guard !self.keys.isEmpty else { return nil }
        let stored = WordTable<Int>.storedKey(key)
        let mask = self.keys.count - 1
        var slot = WordTable<Int>.slot(stored, mask)
        while true {
            let found = self.keys[slot]
            if found == stored { return self.values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key`, replacing what was there.
    mutating func set(_ value: Int, for key: WordHash) {
        // At most half full, so a probe always meets an empty slot.
        if (self.count + 1) * 2 > self.keys.count { self.grow() }
        let stored = WordTable<Int>.storedKey(key)
        let mask = self.keys.count - 1
        var slot = WordTable<Int>.slot(stored, mask)
        while self.keys[slot] != 0 && self.keys[slot] != stored { slot = (slot + 1) & mask }
        if self.keys[slot] == 0 { self.count += 1 }
        self.keys[slot] = stored
        self.values[slot] = value
    }

    private mutating func grow() {
        let old = zip(self.keys, self.values).filter { $0.0 != 0 }
        let capacity = max(16, self.keys.count * 2)
        self.keys = [UInt64](repeating: 0, count: capacity)
        self.values = [Int](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (stored, value) in old {
            var slot = WordTable<Int>.slot(stored, mask)
            while self.keys[slot] != 0 { slot = (slot + 1) & mask }
            self.keys[slot] = stored
            self.values[slot] = value
        }
    }
}
