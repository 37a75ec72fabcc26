/// Fits a logistic regression over hashed features: AdaGrad on the log loss with L2 shrinkage, in a
/// fixed example order, so the same data gives bit-identical weights.
@_spi(Training) public struct LogisticTrainer: Sendable {
    public var bits: Int
    public var epochs: Int
    public var learningRate: Float
    public var l2: Float

    public init(bits: Int = 16, epochs: Int = 3, learningRate: Float = 0.1, l2: Float = 1e-6) {
        self.bits = bits
        self.epochs = epochs
        self.learningRate = learningRate
        self.l2 = l2
    }

    /// The weights for `examples` (feature indices) and their labels.
    public func fit(_ examples: [[UInt32]], labels: [Bool]) -> [Float] {
        let size = 1 << self.bits
        let mask = size - 1
        var weights = [Float](repeating: 0, count: size)
        var squares = [Float](repeating: 1e-6, count: size)
        var order = Array(examples.indices)
        var generator = SplitMix(seed: 0x5155_4f54_4557_4952)
        // The mean of the weights after each epoch: steadier than the last epoch's alone.
        var average = [Float](repeating: 0, count: size)
        for _ in 0..<self.epochs {
            order.shuffle(using: &generator)
            for example in order {
                var sum: Float = 0
                for index in examples[example] { sum += weights[Int(index) & mask] }
                let gradient = LogisticModel.sigmoid(sum) - (labels[example] ? 1 : 0)
                for index in examples[example] {
                    let slot = Int(index) & mask
                    let step = gradient + self.l2 * weights[slot]
                    squares[slot] += step * step
                    weights[slot] -= self.learningRate * step / squares[slot].squareRoot()
                }
            }
            for slot in 0..<size { average[slot] += weights[slot] / Float(self.epochs) }
        }
        return average
    }

    /// The probability the weights give each example.
    public func probabilities(_ examples: [[UInt32]], weights: [Float]) -> [Float] {
        let model = LogisticModel(bits: self.bits, weights: weights)
        return examples.map { features in
            var sum = LogisticModel.Sum(model: model)
            for index in features { sum.add(index: index) }
            return LogisticModel.sigmoid(sum.value)
        }
    }
}

/// SplitMix64: a small deterministic generator for the training order.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
