/// General word lists for demands: directive verbs by pattern, and directive nouns.
enum DirectiveWords {
    /// Every directive verb the finder looks for.
    static let verbLemmas = [
        "urge", "demand", "request", "petition", "order", "call", "push", "press", "ask", "appeal", "plead", "beg",
        "lobby", "tell", "encourage", "advise", "warn", "caution", "instruct", "direct", "command", "implore",
        "exhort", "remind", "pressure", "recommend",
    ]
    /// Particles that belong to the verb: `called on`, `pushing for`, `pleaded with`, `appealed to`.
    static let particles = WordTable<WordSet>([
        (WordHash("call"), WordLists.set("on upon for")), (WordHash("push"), WordLists.set("for")),
        (WordHash("press"), WordLists.set("for")), (WordHash("ask"), WordLists.set("for")),
        (WordHash("appeal"), WordLists.set("to for")), (WordHash("plead"), WordLists.set("with for")),
        (WordHash("beg"), WordLists.set("for")), (WordHash("lobby"), WordLists.set("for")),
        (WordHash("petition"), WordLists.set("for")),
    ])
    /// Verbs that direct only with their particle: `called for` (not `called him a liar`).
    static let needParticle = WordLists.set("call")
    /// Forms that are more often nouns: verbs only after a subject, an auxiliary or `to`.
    static let nounLike = WordLists.set(
        "call calls order orders demand demands request requests push press appeal appeals lobby petition pressure plea pleas"
    )
    /// Verbs that demand only with an addressee and `to`: `asked Congress to`, `told them to`.
    static let needAddressee = WordLists.set(
        "ask warn caution tell encourage advise order press pressure push lobby instruct direct command implore beg exhort remind appeal plead recommend"
    )
    /// Verbs that demand an action even without an addressee: `urged action`, `ordered the release of`.
    static let standalone = WordLists.set("urge demand request petition order")
    /// Verbs whose `that`-clause is the demand: `demanded that police release`, `urged that everyone take`.
    static let thatVerbs = WordLists.set("urge demand request order recommend ask")
    /// Verbs that demand with `for`: `called for`, `pushing for`.
    static let forVerbs = WordLists.set("call push press ask appeal plead beg lobby petition")
    static let call = WordHash(value: 0xB5167A90E83BA4A9)  // "call"
    /// `warned the Fed against buying bonds`.
    static let warnings = WordLists.set("warn caution")
    static let against = WordHash(value: 0x3EF0BDADDA0C0A00)  // "against"
    static let be = WordHash(value: 0x08A62F07B54DC940)  // "be"
    /// Words that introduce an addressee near a directive noun.
    static let addresseeIntroducers = WordLists.set("with to from on")
    /// Nouns that name a demand: `three expectations`, `their demands`.
    static let nouns = WordLists.set(
        "demands expectation expectations request requests plea pleas ultimatum"
    )
    /// Verbs that introduce the items of a demand in the next sentence: `These include ...`.
    static let enumerators = WordLists.set("include includes included including are were involve involves comprise")
    static let from = WordHash(value: 0x7F845078D7A5C0B5)  // "from"
    /// Words that may follow a directive noun (`demands for`, `expectations that`, `These include`).
    static let afterNoun = WordLists.set("for of that from on to include included includes are were was is by and or in")
    static let negations = WordLists.set("not never")
    /// Determiners that may stand before a verb as a floating quantifier (`have both urged`, `all calling for`).
    static let quantifiers = WordLists.set("that both all each")
    /// Determiners that open a purpose or relative infinitive rather than an addressee (`called for a
    /// revolution to address them`).
    static let indefinites = WordLists.set("a an some any no more")
    /// Words that end a demanded action without a comma (`asking for money while his wife is president`).
    static let clauseOpeners = WordLists.set("while because although though unless whereas")
    /// Verbs that make `demanded to …` a question (`demanded to know whether`).
    static let questionVerbs = WordLists.set("know see learn hear")
    static let by = WordHash(value: 0x08A64B07B54DF8D4)  // "by"
    /// Prepositions that open an adjunct, not part of a name (`his supporters at a rally`, `graduates in 2007`).
    static let adjunctPrepositions = WordLists.set("in at on during to")
    /// Words between a subject and its directive verb: `has continued to push for`, `all but begged`.
    static let aspectWords = WordLists.set("to continued continues continue begun began start started seemed seems tried taken all but both")
    /// Subject pronouns that open a bare clause after `demanded` (`demanded they stop producing coal`).
    static let subjectPronouns = WordLists.set("he she they we")
    /// Verbs whose short object before `to` is the addressee even when lowercase (`urged women to vote`).
    static let objectTakers = WordLists.set(
        "urge ask tell encourage advise order instruct direct command implore beg exhort remind warn press pressure push")
    /// Words before a directive verb that deny it (`has not called for`, `didn't urge`, `None … is pushing for`).
    static let denials = WordLists.set("not never n't didn't don't doesn't hasn't haven't hadn't won't wouldn't none")
    /// Modals that make a directive verb hypothetical (`will demand`, `could call on`, `might press for`).
    static let modals = WordLists.set("will would could can may might should shall")
    static let objectPronouns = WordLists.set("him her them us me you it")
    /// The subject form of a third-person object pronoun, to resolve it to an actor.
    static let subjectForms = WordTable<WordHash>([
        (WordHash("him"), WordHash("he")), (WordHash("her"), WordHash("she")), (WordHash("them"), WordHash("they")),
    ])
    /// Words that, after a comma, end a demanded action (`, saying`, `, which`, `, but`).
    static let actionEnders = WordLists.set("but and which who while as although though citing according")
}
