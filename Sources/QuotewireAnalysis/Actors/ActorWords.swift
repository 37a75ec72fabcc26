/// General word lists for actors: titles, organization words, honorifics, first names.
enum ActorWords {
    static let titles = WordLists.set(
        """
        president vice governor gov. gov senator sen. sen representative rep. rep congressman congresswoman secretary \
        press minister chairman chairwoman chair director mayor judge attorney general speaker leader chief spokesman \
        spokeswoman spokesperson commissioner ambassador justice candidate nominee adviser advisor aide manager \
        strategist official officer dr. mr. mrs. ms. deputy former executive ceo founder analyst professor prof. \
        lawmaker host anchor correspondent editor pastor rev. gen. lt. col. sgt. capt. adm. sheriff treasurer \
        economist pollster chairs senior campaign acting state national security homeland prime king queen pope \
        majority minority whip sen.-elect gop democratic republican
        """
    )
    /// Title words that alone make a mention a person.
    static let personTitles = WordLists.set(
        """
        president governor gov. senator sen. representative rep. congressman congresswoman secretary minister mayor \
        judge speaker spokesman spokeswoman spokesperson ambassador dr. mr. mrs. ms. professor prof. pastor rev. \
        gen. lt. col. sgt. capt. adm. sheriff candidate nominee chairman chairwoman
        """
    )
    static let organizationWords = WordLists.set(
        """
        house department committee party campaign congress senate administration agency bureau court council \
        association union institute university times post news network fund foundation group commission office \
        ministry government inc. corp. company police pentagon kremlin journal press tribune cnn fbi cia nato \
        ice dhs doj gop un eu league coalition center centre network channel magazine reuters bloomberg poll \
        republicans democrats officials authorities enforcement customs immigration security service services \
        administration organization institution board staff hall
        """
    )
    static let governmentWords = WordLists.set(
        """
        congress senate house administration department agency bureau court ministry government commission police \
        pentagon kremlin ice fbi cia dhs doj state legislature parliament
        """
    )
    static let female = WordLists.set(
        """
        mrs. ms. she her hillary kellyanne sarah nancy elizabeth michelle melania ivanka kamala maria mary \
        susan linda patricia jennifer barbara margaret lisa karen betsy nikki debbie amy kirsten tulsi marsha huma \
        donna jill laura hope anna ann anne jane julia emily rachel rebecca katie kate megyn samantha condoleezza \
        madeleine dianne claire tammy heidi susanna kristen kristi carly chelsea loretta sally janet
        """
    )
    static let male = WordLists.set(
        """
        mr. he him his donald tim barack bernie ted marco jeb john mike mitch paul chris joe ben bill george james \
        robert michael david richard thomas charles mark steve steven scott kevin jim tom rand rick lindsey newt \
        rudy reince corey sean stephen jared eric jeff bob dick al harry jason brian matt josh dan tim kirk ron \
        greg gary frank jack peter andrew tony william vladimir xi justin barry lyndon franklin ronald
        """
    )
    /// Lowercase heads that make a capitalized word before them an organization (`Trump administration`).
    static let organizationHeads = WordLists.set("administration campaign government team camp")
    static let he = WordHash(value: 0x08BA5307B55EAF76)  // "he"
    static let she = WordHash(value: 0x8245AA195CEA9E21)  // "she"
    static let they = WordHash(value: 0x2579BAEF323CF77F)  // "they"
    static let it = WordHash(value: 0x08B73E07B55C55F0)  // "it"
    /// Words that, just before a mention, make it the object of a preposition.
    static let prepositions = WordLists.set("with to from by for of against about at on in into toward towards between")
}
