/// Cheap classification of scalar values, without Foundation.
enum CharacterClass {
    static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        // General punctuation (quote marks, dashes, spaces) and emoji are never letters.
        if (value >= 0x2000 && value <= 0x206F) || (value >= 0x1F000 && value <= 0x1FAFF) { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ value: UInt32) -> Bool {
        value >= 0x30 && value <= 0x39
    }

    static func isUpper(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value < 0xC0 || (value >= 0x2000 && value <= 0x2BFF) || (value >= 0x1F000 && value <= 0x1FAFF) { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isUppercase
    }

    static func isLineBreak(_ value: UInt32) -> Bool {
        value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 || value == 0x0B || value == 0x0C
            || value == 0x85
    }

    static func isSpace(_ value: UInt32) -> Bool {
        if value == 0x20 || value == 0x09 || isLineBreak(value) { return true }
        if value < 0x80 { return false }
        return value == 0xA0 || value == 0x1680 || (value >= 0x2000 && value <= 0x200B) || value == 0x202F
            || value == 0x205F || value == 0x3000 || value == 0xFEFF
    }

    /// Apostrophes that can sit inside a word (`don't`, `Trump’s`).
    static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019
    }

    /// ASCII lowercase; other scalars unchanged.
    static func lowercase(_ value: UInt32) -> UInt32 {
        value >= 0x41 && value <= 0x5A ? value + 0x20 : value
    }
}
