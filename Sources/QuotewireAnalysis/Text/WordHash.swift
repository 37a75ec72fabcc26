/// A 64-bit FNV-1a hash of a word, lowercased and with `’` read as `'`, so
/// lexicon lookups need no string per token.
struct WordHash: Sendable, Hashable {
    let value: UInt64

    static let empty = WordHash(value: 0xcbf2_9ce4_8422_2325)

    init(value: UInt64) {
        self.value = value
    }

    /// The hash of `word` as the lexicons spell it.
    init(_ word: String) {
        var hash = WordHash.empty
        for scalar in word.unicodeScalars { hash = hash.appending(scalar.value) }
        self = hash
    }

    /// `appending` for a scalar already known to be lowercase ASCII or a digit.
    @inline(__always)
    func appendingASCII(_ lowercased: UInt32) -> WordHash {
        WordHash(value: (self.value ^ UInt64(lowercased)) &* 0x100_0000_01b3)
    }

    func appending(_ scalar: UInt32) -> WordHash {
        var normalized = CharacterClass.lowercase(scalar)
        if normalized == 0x2019 { normalized = 0x27 }
        var hash = self.value
        var remaining = normalized
        repeat {
            hash ^= UInt64(remaining & 0xFF)
            hash = hash &* 0x100_0000_01b3
            remaining >>= 8
        } while remaining != 0
        return WordHash(value: hash)
    }
}
