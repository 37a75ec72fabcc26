/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF) without building a String. Decoded strings are
/// built from the bytes this accepted without the standard library checking
/// them again, so it must never accept what `String(validating:)` rejects
/// (UTF8ValidationTests compares the two). ASCII runs are skipped sixteen
/// and eight bytes at a time, since article text is mostly ASCII, straight to
/// the first non-ASCII byte; multi-byte sequences are checked with plain
/// comparisons.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            // Skip ASCII a word or two at a time.
            while index + 16 <= count,
                (bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0
            {
                index += 16
            }
            if index + 8 <= count {
                // Jump to the first non-ASCII byte of the word (bytes load
                // little-endian: the lowest set high bit is the first such byte).
                let high = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    continue
                }
                index += high.trailingZeroBitCount >> 3
            }
            guard index < count else { return true }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            if lead < 0xE0 {
                // Two bytes: C2...DF then a continuation byte (C0, C1 would be overlong).
                guard lead >= 0xC2, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return false }
                index += 2
            } else if lead < 0xF0 {
                // Three bytes; E0 needs A0...BF next (not overlong), ED needs 80...9F (no surrogates).
                guard index + 2 < count else { return false }
                let second = bytes[index + 1]
                guard second & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else { return false }
                if lead == 0xE0, second < 0xA0 { return false }
                if lead == 0xED, second > 0x9F { return false }
                index += 3
            } else {
                // Four bytes: F0...F4; F0 needs 90...BF next (not overlong), F4 needs 80...8F (<= U+10FFFF).
                guard lead <= 0xF4, index + 3 < count else { return false }
                let second = bytes[index + 1]
                guard second & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80, bytes[index + 3] & 0xC0 == 0x80 else {
                    return false
                }
                if lead == 0xF0, second < 0x90 { return false }
                if lead == 0xF4, second > 0x8F { return false }
                index += 4
            }
        }
        return true
    }
}
