/// General English function-word lists, hashed for lookup on tokens.
enum WordLists {
    static func set(_ words: String) -> WordSet {
        WordSet(words.split(separator: " ").map { WordHash(String($0)) })
    }

    static let determiners = set(
        "the a an his her their its our my your this these those that some many most several other another both all each every any no such"
    )
    static let pronouns = set("he she they it i we you who")
    static let verbLicensors = set(
        "will would can could should may might must shall do does did not never also to and or often who they we i you still just"
    )
    /// Auxiliaries and adverbs that may stand between a subject and its cue.
    static let betweenSubjectAndCue = set(
        """
        has have had will would could can may might should must shall did does do is are was were been be also not \
        never later previously then once repeatedly often reportedly again already still further even first publicly \
        privately recently just simply has n't last finally quickly since long too however now
        """
    )
    /// Words that end a subject noun phrase when walking left from a cue.
    static let subjectBoundaries = set(
        """
        that which whom whose because when while if as but or so than then after before since although though where \
        whether how what why in on at with by from about into over under against during without to is are was were \
        has have had will would could can may might should must did does do been be not also said says told there \
        here it's this week yesterday today tonight last ago even only also now again just
        """
    )
    /// Prepositions allowed inside a speaker phrase (`Secretary of State`, `spokesman for the campaign`).
    static let innerPrepositions = set("of for")
    static let conjunctions = set("and but so yet meanwhile still however instead also then now")
    static let that = WordHash(value: 0x256CADEF3232570C)  // "that"
    static let colon = WordHash(value: 0xAF63B74C8601ADAD)  // ":"
    static let but = WordHash(value: 0x00611E19135A72CC)  // "but"
    static let then = WordHash(value: 0x2579C7EF323D0D96)  // "then"
    static let or = WordHash(value: 0x08B05407B5565CA4)  // "or"
    static let `for` = WordHash(value: 0xDCB27818FED9DA90)  // "for"
    static let irregularPasts = set(
        "drew took made gave went came kept left got put set ran held brought sent spent stood told said wrote found felt met"
    )
    static let who = WordHash(value: 0x5EC5FC194891690F)  // "who"
    static let questionMark = WordHash(value: 0xAF63B24C8601A52E)  // "?"
    static let exclamationMark = WordHash(value: 0xAF639C4C86017FCC)  // "!"
    static let of = WordHash(value: 0x08B06007B5567108)  // "of"
    static let and = WordHash(value: 0xE6F79719051FF286)  // "and"
    static let to = WordHash(value: 0x08C83907B56AC0A4)  // "to"
    /// Words that may follow a cue before its content: `said in a statement that`, `said Tuesday that`.
    static let contentLeadIns = set(
        """
        in on at during last this earlier later recently monday tuesday wednesday thursday friday saturday sunday \
        yesterday today tonight via through over on to privately publicly repeatedly again also previously first \
        morning afternoon evening night week month year
        """
    )
    static let monthsAndDays = set(
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december"
    )
    /// Verbs that name something with a quoted label: `called it “a farce”`.
    static let namingVerbs = set("call describe deem label dub brand term")
    /// Adverbs that open a sentence before a comma (`Lately, the engineer said`); never a name.
    static let sentenceAdverbs = set(
        """
        lately recently finally previously separately additionally meanwhile however still instead later earlier \
        yesterday today now then afterward afterwards overall nonetheless nevertheless moreover indeed also again \
        first second third last similarly likewise ultimately eventually initially currently publicly privately
        """
    )
    static let timeWords = set(
        "monday tuesday wednesday thursday friday saturday sunday week month year night morning afternoon evening weekend"
    )
    static let timeLeadIns = set("on last this early late")
    static let beForms = set("is are was were be been being am")
}
