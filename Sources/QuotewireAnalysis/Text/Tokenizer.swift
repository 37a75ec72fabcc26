/// Splits a ``TextBuffer`` into tokens in one pass over its scalars.
///
/// Abbreviation periods (`Gov.`, `U.S.`, initials) stay inside their word so
/// they never end a sentence; apostrophes inside words (`don't`, `Trump’s`)
/// are part of the word, other quote marks are tokens of their own.
struct Tokenizer: Sendable {
    /// Words that keep a following period: titles, months, `Inc`, ...
    static let abbreviations = WordSet(
        [
            "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "reps", "sens", "st", "jr", "sr", "lt", "gen", "col", "sgt",
            "capt", "cmdr", "adm", "maj", "prof", "rev", "hon", "pres", "supt", "atty", "messrs", "jan", "feb", "mar",
            "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "bros", "vs",
            "no", "nos", "vol", "ft", "mt", "ave", "blvd", "dept", "univ", "est", "approx", "fig", "e.g", "i.e",
            "etc", "al",
        ].map(WordHash.init)
    )

    func tokenize(_ text: TextBuffer) -> [Token] {
        text.withScalars({ self.tokenize(ScalarReader($0)) }, ascii: { self.tokenize(ScalarReader($0)) })
    }

    private func tokenize<Unit>(_ scalars: ScalarReader<Unit>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        let count = scalars.count
        var index = 0
        var paragraph: Int32 = 0
        var atParagraphStart = true
        var sawBreak = false
        while index < count {
            let value = scalars[index]
            if CharacterClass.isSpace(value) {
                if CharacterClass.isLineBreak(value) { sawBreak = true }
                index += 1
                continue
            }
            if sawBreak {
                if !atParagraphStart { paragraph += 1 }
                atParagraphStart = true
                sawBreak = false
            }
            let start = index
            var kind = TokenKind.other
            var hash = WordHash.empty
            if CharacterClass.isLetter(value) || CharacterClass.isDigit(value) {
                (index, kind, hash) = self.scanWord(scalars, from: index)
            } else {
                index += 1
                kind = Self.punctuationKind(value)
                hash = hash.appending(value)
                if (value == 0x27 || value == 0x60) && index < count && scalars[index] == value {
                    index += 1
                    kind = value == 0x60 ? .quoteOpen : .quoteEither
                }
            }
            var token = Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: index), kind: kind,
                hash: hash, isCapitalized: kind == .word && CharacterClass.isUpper(value),
                startsParagraph: atParagraphStart,
                paragraph: paragraph
            )
            if kind == .word {
                let last = scalars[index - 1] | 0x20
                if scalars[index - 1] == 0x2E { token.endsWithPeriod = true }
                if index - start > 3 {
                    let secondLast = scalars[index - 2] | 0x20
                    if last == 0x73 && secondLast != 0x73 { token.endsInS = true }
                    let lowerStart = !token.isCapitalized
                    if last == 0x79 && secondLast == 0x6C && lowerStart { token.endsInLy = true }
                    if last == 0x64 && secondLast == 0x65 && lowerStart { token.endsInEd = true }
                    if last == 0x67 && secondLast == 0x6E && (scalars[index - 3] | 0x20) == 0x69 { token.endsInIng = true }
                }
            }
            tokens.append(token)
            atParagraphStart = false
        }
        return tokens
    }

    private func scanWord<Unit>(_ scalars: ScalarReader<Unit>, from start: Int) -> (Int, TokenKind, WordHash) {
        let count = scalars.count
        var index = start
        var hash = WordHash.empty
        var hasLetter = false
        var isAcronym = true
        var segmentLength = 0
        while index < count {
            let value = scalars[index]
            // ASCII letters and digits first: nearly every scalar of an English word.
            let lowered = value | 0x20
            if value < 0x80, (lowered >= 0x61 && lowered <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                if value >= 0x41 { hasLetter = true }
                segmentLength += 1
                if segmentLength > 1 { isAcronym = false }
                hash = hash.appendingASCII(value >= 0x41 ? lowered : value)
                index += 1
                continue
            }
            if CharacterClass.isLetter(value) || CharacterClass.isDigit(value) {
                if CharacterClass.isLetter(value) { hasLetter = true }
                segmentLength += 1
                if segmentLength > 1 { isAcronym = false }
                hash = hash.appending(value)
                index += 1
                continue
            }
            let next = index + 1 < count ? scalars[index + 1] : 0
            let nextIsAlnum = CharacterClass.isLetter(next) || CharacterClass.isDigit(next)
            let isJoiner =
                CharacterClass.isApostrophe(value) || value == 0x2D || value == 0x26
                || (value == 0x2E && isAcronym && hasLetter && CharacterClass.isLetter(next))
                || (!hasLetter && (value == 0x2E || value == 0x2C || value == 0x3A) && CharacterClass.isDigit(next))
            guard isJoiner && nextIsAlnum else { break }
            if value == 0x2E { segmentLength = 0 } else { isAcronym = false }
            hash = hash.appending(value)
            index += 1
        }
        if index < count && scalars[index] == 0x2E && hasLetter {
            let single = segmentLength == 1 && CharacterClass.isUpper(scalars[index - 1])
            if single || (isAcronym && index - start > 1) || Self.abbreviations.contains(hash) {
                index += 1
            }
        }
        return (index, hasLetter ? .word : .number, hash)
    }

    static func punctuationKind(_ value: UInt32) -> TokenKind {
        switch value {
        case 0x2C: return .comma
        case 0x2E, 0x21, 0x3F, 0x2026: return .terminator
        case 0x3A: return .colon
        case 0x3B: return .semicolon
        case 0x2D, 0x2013, 0x2014: return .dash
        case 0x28, 0x5B, 0x7B: return .openBracket
        case 0x29, 0x5D, 0x7D: return .closeBracket
        case 0x201C, 0x201E, 0xAB: return .quoteOpen
        case 0x201D, 0xBB: return .quoteClose
        case 0x22: return .quoteEither
        case 0x2018, 0x2019, 0x27: return .singleQuote
        default: return .other
        }
    }
}

/// The scalars of a body as `UInt32` values, read from 32-bit scalars or, for an ASCII body, from its bytes.
private struct ScalarReader<Unit: FixedWidthInteger & UnsignedInteger> {
    let units: UnsafeBufferPointer<Unit>

    init(_ units: UnsafeBufferPointer<Unit>) {
        self.units = units
    }

    var count: Int { self.units.count }

    @inline(__always)
    subscript(_ index: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: self.units[index])
    }
}
