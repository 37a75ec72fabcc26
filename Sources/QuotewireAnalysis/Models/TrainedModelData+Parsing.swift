/// Reading the generated model's text: `word prior` lines and `index:weight` pairs.
extension TrainedModelData {
    static func parsePriors(_ text: String) -> [(word: String, prior: Float)] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 2, let prior = Float(fields[1]) else { return nil }
            return (String(fields[0]), prior)
        }
    }

    /// Lines of `class word word ...`.
    static func parseClasses(_ text: String) -> [(word: String, wordClass: UInt8)] {
        text.split(separator: "\n").flatMap { line -> [(word: String, wordClass: UInt8)] in
            let fields = line.split(separator: " ")
            guard let first = fields.first, let wordClass = UInt8(first) else { return [] }
            return fields.dropFirst().map { (String($0), wordClass) }
        }
    }

    static func parseWeights(_ text: String, bits: Int) -> [Float] {
        var weights = [Float](repeating: 0, count: 1 << bits)
        for pair in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let fields = pair.split(separator: ":")
            guard fields.count == 2, let index = Int(fields[0]), index >= 0, index < weights.count,
                let weight = Float(fields[1])
            else { continue }
            weights[index] = weight
        }
        return weights
    }
}
