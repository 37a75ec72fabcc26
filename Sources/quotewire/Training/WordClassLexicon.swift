import Foundation
@_spi(Training) import QuotewireAnalysis

/// Reads the tagged training lexicon (`train-lexicon.tsv`: word, count, Penn Treebank tags with
/// counts, lemma) into each word's usual class, the numbers ``WordClasses`` in the model reads.
enum WordClassLexicon {
    /// Coarse classes of Penn Treebank tags.
    static let classOfTag: [String: WordClass] = [
        "NN": .noun, "NNS": .noun, "NNP": .properNoun, "NNPS": .properNoun, "VBD": .pastVerb, "VBN": .pastParticiple,
        "VBG": .gerund, "VB": .baseVerb, "VBP": .baseVerb, "VBZ": .presentVerb, "JJ": .adjective, "JJR": .adjective,
        "JJS": .adjective, "RB": .adverb, "RBR": .adverb, "RBS": .adverb, "PRP": .pronoun, "PRP$": .pronoun,
        "WP": .pronoun, "WP$": .pronoun, "EX": .pronoun, "DT": .determiner, "PDT": .determiner, "WDT": .determiner,
        "IN": .preposition, "TO": .to, "CC": .conjunction, "MD": .modal, "CD": .number, "WRB": .whAdverb, "RP": .particle,
    ]

    /// Words seen at least `minimumCount` times, lowercased, with the class most of their tags fall in.
    static func load(_ path: String, minimumCount: Int = 3) throws -> [(word: String, wordClass: UInt8)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var counts: [String: [UInt8: Int]] = [:]
        var totals: [String: Int] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, let count = Int(fields[1]) else { continue }
            let word = fields[0].lowercased()
            guard word.contains(where: \.isLetter), !word.contains(where: { $0.isWhitespace || $0 == "\\" || $0 == "\"" })
            else { continue }
            totals[word, default: 0] += count
            for tag in fields[2].split(separator: " ") {
                let parts = tag.split(separator: ":")
                guard parts.count == 2, let tagCount = Int(parts[1]) else { continue }
                let wordClass = (Self.classOfTag[String(parts[0])] ?? .other).rawValue
                counts[word, default: [:]][wordClass, default: 0] += tagCount
            }
        }
        return counts.compactMap { word, classes in
            guard totals[word, default: 0] >= minimumCount,
                let best = classes.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })
            else { return nil }
            return (word, best.key)
        }.sorted { $0.word < $1.word }
    }
}
