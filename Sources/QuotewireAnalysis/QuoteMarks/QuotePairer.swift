/// Pairs quote marks into ``QuotedSpan``s.
///
/// Curly marks say which way they face; straight `"` and `''` are read from
/// the spaces around them. An odd mark never stops the pairing: a quote left
/// open at the end of a paragraph continues when the next paragraph reopens
/// with a mark (the news convention for long quotes), and otherwise ends
/// with its paragraph. Single `‘ ’` pairs count only outside double quotes.
struct QuotePairer: Sendable {
    func pair(_ tokens: [Token], in text: TextBuffer) -> [QuotedSpan] {
        var spans: [QuotedSpan] = []
        var open: Int?
        var openSingle: Int?
        var firstParagraph: Int32 = 0
        for index in tokens.indices {
            let token = tokens[index]
            if token.startsParagraph {
                openSingle = nil
                if let current = open {
                    if token.kind == .quoteOpen || (token.kind == .quoteEither && self.opensHere(tokens, index, text)) {
                        continue
                    }
                    spans.append(self.unclosed(current, before: index, tokens, firstParagraph))
                    open = nil
                }
            }
            switch token.kind {
            case .quoteOpen:
                // `„...“`: after a low opening mark, `“` closes.
                if let current = open, text[Int(tokens[current].start)] == 0x201E, text[Int(token.start)] == 0x201C {
                    spans.append(self.closed(current, index, tokens, firstParagraph))
                    open = nil
                    continue
                }
                if let current = open { spans.append(self.unclosed(current, before: index, tokens, firstParagraph)) }
                open = index
                firstParagraph = token.paragraph
            case .quoteClose:
                if let current = open {
                    spans.append(self.closed(current, index, tokens, firstParagraph))
                    open = nil
                } else if self.opensHere(tokens, index, text) && !self.closesHere(tokens, index, text) {
                    open = index
                    firstParagraph = token.paragraph
                }
            case .quoteEither:
                let opens = self.opensHere(tokens, index, text)
                let closes = self.closesHere(tokens, index, text)
                if let current = open {
                    if opens && !closes {
                        spans.append(self.unclosed(current, before: index, tokens, firstParagraph))
                        open = index
                        firstParagraph = token.paragraph
                    } else {
                        spans.append(self.closed(current, index, tokens, firstParagraph))
                        open = nil
                    }
                } else if opens || !closes {
                    open = index
                    firstParagraph = token.paragraph
                }
            case .singleQuote where open == nil:
                let value = text[Int(token.start)]
                if value == 0x2018 {
                    openSingle = index
                } else if let current = openSingle, value == 0x2019, self.closesHere(tokens, index, text) {
                    spans.append(self.closed(current, index, tokens, token.paragraph))
                    openSingle = nil
                }
            default:
                continue
            }
        }
        if let current = open, let last = tokens.indices.last {
            spans.append(self.unclosed(current, before: last + 1, tokens, firstParagraph))
        }
        spans.sort { $0.openToken < $1.openToken }
        return spans
    }

    private func closed(_ open: Int, _ close: Int, _ tokens: [Token], _ paragraph: Int32) -> QuotedSpan {
        QuotedSpan(
            openToken: open, closeToken: close, content: Int(tokens[open].end)..<Int(tokens[close].start),
            isClosed: true, spansParagraphs: tokens[close].paragraph != paragraph
        )
    }

    private func unclosed(_ open: Int, before index: Int, _ tokens: [Token], _ paragraph: Int32) -> QuotedSpan {
        let last = max(open, index - 1)
        return QuotedSpan(
            openToken: open, closeToken: last, content: Int(tokens[open].end)..<Int(max(tokens[open].end, tokens[last].end)),
            isClosed: false, spansParagraphs: tokens[last].paragraph != paragraph
        )
    }

    /// A mark opens when it follows a space, a line start, a bracket or a dash and touches what follows.
    private func opensHere(_ tokens: [Token], _ index: Int, _ text: TextBuffer) -> Bool {
        let before = text[Int(tokens[index].start) - 1]
        let after = text[Int(tokens[index].end)]
        let spaceBefore =
            tokens[index].start == 0 || CharacterClass.isSpace(before) || before == 0x28 || before == 0x5B
            || before == 0x2014 || before == 0x2013
        return spaceBefore && !CharacterClass.isSpace(after) && after != 0
    }

    /// A mark closes when it touches what precedes it and is followed by a space, punctuation or the end.
    private func closesHere(_ tokens: [Token], _ index: Int, _ text: TextBuffer) -> Bool {
        let before = text[Int(tokens[index].start) - 1]
        let after = text[Int(tokens[index].end)]
        guard tokens[index].start > 0, !CharacterClass.isSpace(before) else { return false }
        return after == 0 || CharacterClass.isSpace(after) || !(CharacterClass.isLetter(after) || CharacterClass.isDigit(after))
    }
}
