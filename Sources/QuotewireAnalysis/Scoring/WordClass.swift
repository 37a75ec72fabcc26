/// A word's usual part of speech, coarsely: the numbers the trained model's word-class table stores
/// (`quotewire train` maps Penn Treebank tags to them; `0` is an unknown word). The raw values are part
/// of the trained model's meaning: append new classes, never renumber.
@_spi(Training) public enum WordClass: UInt8, Sendable {
    /// NN, NNS.
    case noun = 1
    /// NNP, NNPS.
    case properNoun
    /// VBD.
    case pastVerb
    /// VBN.
    case pastParticiple
    /// VBG.
    case gerund
    /// VB, VBP.
    case baseVerb
    /// VBZ.
    case presentVerb
    /// JJ, JJR, JJS.
    case adjective
    /// RB, RBR, RBS.
    case adverb
    /// PRP, PRP$, WP, WP$, EX.
    case pronoun
    /// DT, PDT, WDT.
    case determiner
    /// IN.
    case preposition
    /// TO.
    case to
    /// CC.
    case conjunction
    /// MD.
    case modal
    /// CD.
    case number
    /// WRB.
    case whAdverb
    /// RP.
    case particle
    /// Any other tag.
    case other
}

extension WordClass {
    /// The raw values of `classes`, as the word-class table stores them.
    static func rawValues(_ classes: [WordClass]) -> Set<UInt8> {
        Set(classes.map(\.rawValue))
    }

    /// The class numbers of `classes` as ``WordClasses/of(_:)`` answers them.
    static func classNumbers(_ classes: [WordClass]) -> Set<UInt64> {
        Set(classes.map { UInt64($0.rawValue) })
    }
}
