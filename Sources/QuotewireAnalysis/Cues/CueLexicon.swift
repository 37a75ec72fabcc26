/// Reporting, stance and directive verbs with their inflections, looked up by ``WordHash``.
struct CueLexicon: Sendable {
    static let shared = CueLexicon()

    private let entries: WordTable<CueEntry>
    /// Particles that make a phrasal cue with the verb before them (`call for`, `point out`).
    let particles: [String: Set<String>] = [
        "call": ["for", "on", "upon"], "push": ["for"], "press": ["for"], "point": ["out", "to"], "refer": ["to"],
        "ask": ["for"], "appeal": ["to", "for"], "weigh": ["in"], "lash": ["out"], "talk": ["about"],
        "rail": ["against"],
    ]
    private let particleHashes: WordTable<WordSet>
    private let weakHashes: WordSet

    init() {
        var entries: [WordHash: CueEntry] = [:]
        func add(_ kind: CueKind, _ lemmas: String, addressee: Bool = false) {
            for spec in lemmas.split(separator: " ") {
                let parts = spec.split(separator: "/").map(String.init)
                let lemma = parts[0]
                let forms = Self.inflect(lemma, past: parts.count > 1 ? parts[1] : nil)
                for (form, word) in forms where entries[WordHash(word)] == nil {
                    entries[WordHash(word)] = CueEntry(
                        lemma: WordHash(lemma), kind: kind, form: form, takesAddressee: addressee)
                }
            }
        }
        add(.speech, "tell/told inform assure remind promise warn caution", addressee: true)
        add(
            .speech,
            """
            say/said add note argue claim write/wrote tweet explain declare state insist acknowledge admit announce \
            report suggest reply respond recall predict vow pledge concede contend assert allege maintain stress \
            emphasize observe reveal confirm deny complain boast joke quip testify disclose estimate conclude \
            continue agree answer ask mention remark repeat reiterate indicate speculate comment proclaim charge \
            counter retort shout yell lament muse post lie/lied hint threaten guarantee brag posit point weigh \
            write/wrote speak/spoke declare predict describe call read/read cite express echo highlight tout \
            signal quote chant bemoan imply reference wonder retweet interject recount forecast/forecast discuss \
            talk rail portray liken invoke
            """)
        add(
            .cognition,
            "think/thought believe know/knew feel/felt hope fear worry want wish doubt suspect expect plan seem appear deem")
        add(
            .stance,
            """
            criticize praise endorse accuse support oppose defend blame condemn denounce attack slam blast dismiss \
            reject question applaud welcome mock ridicule refer propose seek/sought decline refuse thank credit \
            congratulate lambaste decry chide fault insult dispute challenge assail
            """)
        add(.evidence, "show/showed find/found")
        add(
            .directive,
            """
            urge demand request order implore plead beg exhort instruct require pressure lobby petition encourage \
            recommend advise press push appeal
            """, addressee: true)
        self.entries = WordTable(entries.map { ($0.key, $0.value) })
        self.weakHashes = WordSet(Self.weakForms.map(WordHash.init))
        var particleHashes: [(WordHash, WordSet)] = []
        for (lemma, words) in self.particles {
            for (_, form) in Self.inflect(lemma, past: nil) {
                particleHashes.append((WordHash(form), WordSet(words.map(WordHash.init))))
            }
        }
        self.particleHashes = WordTable(particleHashes)
    }

    func entry(_ hash: WordHash) -> CueEntry? {
        self.entries[hash]
    }

    /// Whether this form counts as a cue only with its particle (see ``weakForms``).
    func isWeak(_ hash: WordHash) -> Bool {
        self.weakHashes.contains(hash)
    }

    /// Forms that, measured on PolNeAR train, report speech or stance less than a third of the time
    /// (`thought`, `plans`, `known`, `speaking`); they count only with a particle (`pushed for`).
    static let weakForms: [String] = [
        "support", "supporting", "spoke", "speaking", "known", "pledged", "thought", "planned", "plan", "plans",
        "state", "states", "comments", "charged", "attacks", "felt", "find", "report", "pushed", "knew", "believed",
        "note", "remarks", "require", "claim", "wanted", "supports", "call", "deemed", "spoken", "endorse",
        "appear", "seem",
    ]

    /// The particles that may follow this inflected verb.
    func particles(after hash: WordHash) -> WordSet? {
        self.particleHashes[hash]
    }

    /// Regular inflections of `lemma`, with an irregular past form if given.
    static func inflect(_ lemma: String, past irregular: String?) -> [(VerbForm, String)] {
        let doubles: Set<String> = ["admit", "quip", "plan", "beg", "regret", "commit", "omit", "stop", "drop", "bar", "chat", "prefer", "refer", "compel"]
        let last = lemma.last ?? "a"
        let third: String
        if lemma.hasSuffix("y") && !"aeiou".contains(lemma.dropLast().last ?? "a") {
            third = String(lemma.dropLast()) + "ies"
        } else if lemma.hasSuffix("s") || lemma.hasSuffix("sh") || lemma.hasSuffix("ch") || lemma.hasSuffix("x") {
            third = lemma + "es"
        } else {
            third = lemma + "s"
        }
        let stem = doubles.contains(lemma) ? lemma + String(last) : lemma
        var past: String
        var participle: String
        if lemma.hasSuffix("e") {
            past = lemma + "d"
            participle = String(lemma.dropLast()) + "ing"
        } else if lemma.hasSuffix("y") && !"aeiou".contains(lemma.dropLast().last ?? "a") {
            past = String(lemma.dropLast()) + "ied"
            participle = lemma + "ing"
        } else {
            past = stem + "ed"
            participle = stem + "ing"
        }
        if lemma == "lie" { participle = "lying" }
        if let irregular { past = irregular }
        var forms: [(VerbForm, String)] = [(.base, lemma), (.third, third), (.past, past), (.participle, participle)]
        let participles = ["write": "written", "speak": "spoken", "show": "shown", "know": "known"]
        if let extra = participles[lemma] { forms.append((.past, extra)) }
        return forms
    }
}
