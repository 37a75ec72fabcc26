/// General word lists for demands: directive verbs by pattern, and directive nouns.
enum DirectiveWords {
    /// Verbs that demand only with an addressee and `to`: `asked Congress to`, `wants them to`.
    static let needAddressee = WordLists.set(
        "want expect ask warn tell encourage advise order press pressure require push lobby instruct implore beg exhort remind appeal plead recommend"
    )
    /// Verbs that demand an action even without an addressee: `urged action`, `called for a vote`.
    static let standalone = WordLists.set("urge demand request petition")
    /// Verbs that demand with `for`: `called for`, `pushing for`.
    static let forVerbs = WordLists.set("call push press ask appeal")
    static let call = WordHash(value: 0xB5167A90E83BA4A9)  // "call"
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
    static let objectPronouns = WordLists.set("him her them us me you it")
    /// Words that, after a comma, end a demanded action (`, saying`, `, which`, `, but`).
    static let actionEnders = WordLists.set("but and which who while as although though citing according")
}
