import Foundation

/// Reads the tagged training lexicon (`train-lexicon.tsv`: word, count, Penn Treebank tags with
/// counts, lemma) into each word's usual class, the numbers ``WordClasses`` in the model reads.
enum WordClassLexicon {
    /// Coarse classes of Penn Treebank tags; `0` is left for unknown words.
    static let classOfTag: [String: UInt8] = [
        "NN": 1, "NNS": 1, "NNP": 2, "NNPS": 2, "VBD": 3, "VBN": 4, "VBG": 5, "VB": 6, "VBP": 6, "VBZ": 7,
        "JJ": 8, "JJR": 8, "JJS": 8, "RB": 9, "RBR": 9, "RBS": 9, "PRP": 10, "PRP$": 10, "WP": 10, "WP$": 10,
        "EX": 10, "DT": 11, "PDT": 11, "WDT": 11, "IN": 12, "TO": 13, "CC": 14, "MD": 15, "CD": 16, "WRB": 17,
        "RP": 18,
    ]
    static let otherClass: UInt8 = 19

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
                let wordClass = Self.classOfTag[String(parts[0])] ?? Self.otherClass
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
