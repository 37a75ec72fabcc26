/// A logistic regression over hashed features: `2^bits` weights, a feature's weight read at its
/// index modulo the table size.
struct LogisticModel: Sendable {
    let bits: Int
    let weights: [Float]
    private let mask: Int

    init(bits: Int, weights: [Float]) {
        precondition(weights.count == 1 << bits, "a model of \(bits) bits has \(1 << bits) weights")
        self.bits = bits
        self.weights = weights
        self.mask = (1 << bits) - 1
    }

    /// A running sum of this model's weights, as features are added.
    struct Sum: FeatureSink {
        let model: LogisticModel
        var value: Float = 0

        mutating func add(index: UInt32) {
            self.value += self.model.weights[Int(index) & self.model.mask]
        }
    }

    static func sigmoid(_ value: Float) -> Float {
        1 / (1 + (-value).exponential)
    }
}

extension Float {
    /// `e^self`, without Foundation.
    var exponential: Float {
        // exp(x) = 2^(x·log2 e): split into an integer power of two and a polynomial on [-0.5, 0.5].
        let clamped = Swift.min(88, Swift.max(-88, self))
        let scaled = clamped * 1.442_695_04
        let whole = scaled.rounded()
        let fraction = (scaled - whole) * 0.693_147_18
        var polynomial: Float = 1 + fraction * (1 + fraction * (0.5 + fraction * (1.0 / 6 + fraction * (1.0 / 24 + fraction / 120))))
        polynomial *= Float(sign: .plus, exponent: Int(whole), significand: 1)
        return polynomial
    }
}
