import QuotewireModel

/// Collects actors and resolves mentions to them: names by surname, titles
/// (`the press secretary`) by the title of a named actor, pronouns to the
/// last compatible actor mentioned as a subject.
///
/// A first pass records every capitalized name of the body on a timeline;
/// pronoun resolution looks back a bounded number of timeline entries, so the
/// registry stays linear in the length of the body.
struct ActorRegistry {
    private let text: TextBuffer
    private let tokens: [Token]
    private let parser = MentionParser()
    private(set) var records: [ActorRecord] = []
    private var byKey = WordMap()
    /// Records of descriptions and organizations by their head word (`administration`).
    private var byHead = WordMap()
    /// The last person record whose title ends with a word (`secretary`, `president`).
    private var byTitleHead = WordMap()
    /// Named mentions in body order: first token, record, and whether it is a preposition's object.
    private var timeline: [(token: Int, record: Int, isObject: Bool)] = []
    /// How far back pronoun resolution looks.
    private static let lookBack = 40
    /// Capitalized words that do not start a name: subject boundaries, conjunctions, determiners,
    /// pronouns, months and days.
    private static let nonNames = WordLists.subjectBoundaries.union(
        WordLists.conjunctions, WordLists.determiners, WordLists.pronouns, WordLists.monthsAndDays)

    init(text: TextBuffer, tokens: [Token], sentences: [Sentence]) {
        self.text = text
        self.tokens = tokens
        self.scanNames(sentences)
    }

    /// Resolves the mention `phrase` (tokens) to a record index and records the mention.
    mutating func resolve(_ phrase: Range<Int>, referenced: Bool = true) -> Int? {
        guard let mention = self.parser.parse(phrase, self.tokens, self.text) else { return nil }
        let record: Int?
        switch mention.form {
        case .pronoun(let pronoun):
            record = self.resolvePronoun(pronoun, at: phrase.lowerBound)
        case .named:
            record = self.byKey[mention.key] ?? self.add(mention)
        case .descriptive:
            record = self.resolveDescription(mention) ?? self.byHead[mention.key] ?? self.add(mention)
        }
        guard let record else { return nil }
        if case .pronoun(let pronoun) = mention.form, self.records[record].gender == .unknown {
            let gender = self.parser.gender(pronoun)
            if gender != .unknown {
                self.records[record].gender = gender
                self.records[record].kind = .person
            }
        }
        self.addMention(mention.core, to: record)
        if referenced { self.records[record].isReferenced = true }
        return record
    }

    /// Resolves an object pronoun (`called on him to resign`) as its subject form (`he`) would be, and
    /// records the mention.
    mutating func resolve(objectPronoun phrase: Range<Int>, as subject: WordHash) -> Int? {
        guard let record = self.resolvePronoun(subject, at: phrase.lowerBound) else { return nil }
        self.addMention(phrase, to: record)
        self.records[record].isReferenced = true
        return record
    }

    /// The referenced actors with ids `a1`, `a2`, ... in order of first mention, and the id of each record
    /// (`nil` for one not referenced).
    func makeActors(converter: OffsetConverter) -> (actors: [Actor], ids: [String?]) {
        let referenced = self.records.indices.filter { self.records[$0].isReferenced }
        let first = referenced.map { (record: $0, start: self.records[$0].mentions.map(\.lowerBound).min() ?? 0) }
        let ordered = first.sorted { $0.start < $1.start }.map(\.record)
        var actors: [Actor] = []
        var ids = [String?](repeating: nil, count: self.records.count)
        for record in ordered {
            let id = "a\(actors.count + 1)"
            ids[record] = id
            let value = self.records[record]
            var mentions: [Span] = []
            var previous: Range<Int>?
            for range in value.mentions.sorted(by: { $0.lowerBound < $1.lowerBound }) where range != previous {
                previous = range
                mentions.append(
                    converter.span(Int(self.tokens[range.lowerBound].start)..<Int(self.tokens[range.upperBound - 1].end)))
            }
            actors.append(
                Actor(
                    id: id, name: self.string(value.name), title: self.string(value.title),
                    affiliation: self.string(value.affiliation), kind: value.kind, mentions: mentions
                ))
        }
        return (actors, ids)
    }

    // MARK: - Private

    private mutating func add(_ mention: ParsedMention) -> Int {
        let record = ActorRecord(
            name: mention.name, title: mention.title, affiliation: mention.affiliation, kind: mention.kind,
            gender: mention.gender, titleHead: self.titleHead(mention), key: mention.key, mentions: [], isReferenced: false
        )
        self.records.append(record)
        let index = self.records.count - 1
        switch mention.form {
        case .named: self.byKey.set(index, for: mention.key)
        case .descriptive: self.byHead.set(index, for: mention.key)
        case .pronoun: break
        }
        self.indexTitle(of: index)
        return index
    }

    private mutating func addMention(_ core: Range<Int>, to record: Int) {
        if self.records[record].mentions.last == core { return }
        self.records[record].mentions.append(core)
    }

    private mutating func indexTitle(of record: Int) {
        guard self.records[record].kind == .person || self.records[record].kind == .unspecified,
            let head = self.records[record].titleHead
        else { return }
        self.byTitleHead.set(record, for: head)
    }

    private func titleHead(_ mention: ParsedMention) -> WordHash? {
        mention.title.isEmpty ? nil : self.tokens[mention.title.upperBound - 1].hash
    }

    private mutating func merge(_ mention: ParsedMention, into record: Int) {
        if mention.name.count > self.records[record].name.count { self.records[record].name = mention.name }
        if self.records[record].title.isEmpty && !mention.title.isEmpty {
            self.records[record].title = mention.title
            self.records[record].titleHead = self.titleHead(mention)
            self.indexTitle(of: record)
        }
        if self.records[record].affiliation.isEmpty { self.records[record].affiliation = mention.affiliation }
        if self.records[record].gender == .unknown { self.records[record].gender = mention.gender }
        if self.records[record].kind == .unspecified { self.records[record].kind = mention.kind }
    }

    private func string(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return self.text.string(Int(self.tokens[range.lowerBound].start)..<Int(self.tokens[range.upperBound - 1].end))
    }

    private func resolvePronoun(_ pronoun: WordHash, at position: Int) -> Int? {
        var low = 0
        var high = self.timeline.count
        while low < high {
            let middle = (low + high) / 2
            if self.timeline[middle].token < position { low = middle + 1 } else { high = middle }
        }
        let wanted = self.parser.gender(pronoun)
        var fallback: Int?
        var index = low - 1
        while index >= 0, low - index <= Self.lookBack {
            let entry = self.timeline[index]
            index -= 1
            let record = self.records[entry.record]
            let isPersonal = pronoun == ActorWords.he || pronoun == ActorWords.she
            if isPersonal {
                guard record.kind == .person, wanted == .unknown || record.gender == .unknown || record.gender == wanted
                else { continue }
            } else if pronoun == ActorWords.they || pronoun == ActorWords.it {
                guard record.kind != .person else { continue }
            } else {
                continue
            }
            if entry.isObject {
                if fallback == nil { fallback = entry.record }
                continue
            }
            return entry.record
        }
        return fallback
    }

    private func resolveDescription(_ mention: ParsedMention) -> Int? {
        guard !mention.title.isEmpty else { return nil }
        return self.byTitleHead[self.tokens[mention.title.upperBound - 1].hash]
    }

    /// Records every capitalized name run of the body on the timeline.
    private mutating func scanNames(_ sentences: [Sentence]) {
        let tokens = self.tokens
        let nonNames = Self.nonNames  // read once: a static is checked for initialization on every access
        for sentence in sentences {
            var index = sentence.first
            while index < sentence.end {
                let token = tokens[index]
                guard token.kind == .word, token.isCapitalized || self.parser.isAllCaps(token, self.text),
                    !nonNames.contains(token.hash)
                else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < sentence.end, tokens[end].kind == .word,
                    tokens[end].isCapitalized
                        || ((tokens[end].hash == WordLists.of || tokens[end].hash == WordLists.and) && end + 1 < sentence.end
                            && tokens[end + 1].isCapitalized && !WordLists.pronouns.contains(tokens[end + 1].hash))
                {
                    end += 1
                }
                // `Trump administration`: the capitalized words name an organization with a lowercase head.
                if end < sentence.end, tokens[end].kind == .word, !tokens[end].isCapitalized,
                    ActorWords.organizationHeads.contains(tokens[end].hash), self.byHead[tokens[end].hash] == nil
                {
                    let record = ActorRecord(
                        name: index..<(end + 1), title: index..<index, affiliation: index..<index, kind: .government,
                        gender: .unknown, titleHead: nil, key: tokens[end].hash, mentions: [], isReferenced: false)
                    self.records.append(record)
                    self.byHead.set(self.records.count - 1, for: tokens[end].hash)
                    self.addMention(index..<(end + 1), to: self.records.count - 1)
                }
                let isLoneSentenceStart = index == sentence.first && end - index == 1
                if let mention = self.parser.parse(index..<end, tokens, self.text), case .named = mention.form {
                    var record = self.byKey[mention.key]
                    if record == nil && !(isLoneSentenceStart && mention.kind == .unspecified) {
                        record = self.add(mention)
                    }
                    if let record {
                        self.merge(mention, into: record)
                        self.addMention(mention.core, to: record)
                        let isObject = index > sentence.first && ActorWords.prepositions.contains(tokens[index - 1].hash)
                        self.timeline.append((index, record, isObject))
                    }
                }
                index = end
            }
        }
    }
}
