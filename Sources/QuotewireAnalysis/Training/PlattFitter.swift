/// Fits ``Calibration`` (Platt scaling) to scores and outcomes by Newton's method on the log loss:
/// deterministic, a few dozen steps.
@_spi(Training) public struct PlattFitter: Sendable {
    public init() {}

    /// The slope and intercept that best turn `scores` into the probabilities of `outcomes`.
    public func fit(scores: [Float], outcomes: [Bool]) -> (slope: Float, intercept: Float) {
        let logits = scores.map { score -> Double in
            let clamped = min(max(Double(score), 1e-6), 1 - 1e-6)
            return Double(Float(clamped / (1 - clamped)).logarithm)
        }
        var slope = 1.0
        var intercept = 0.0
        for _ in 0..<50 {
            var gradient = (0.0, 0.0)
            var hessian = (0.0, 0.0, 0.0)
            for (logit, outcome) in zip(logits, outcomes) {
                let probability = 1 / (1 + (-(slope * logit + intercept)).exp)
                let error = probability - (outcome ? 1 : 0)
                let weight = max(probability * (1 - probability), 1e-9)
                gradient.0 += error * logit
                gradient.1 += error
                hessian.0 += weight * logit * logit
                hessian.1 += weight * logit
                hessian.2 += weight
            }
            // A little ridge keeps the step defined when all outcomes agree.
            let a = hessian.0 + 1e-6
            let b = hessian.1
            let c = hessian.2 + 1e-6
            let determinant = a * c - b * b
            guard determinant > 0 else { break }
            slope -= (c * gradient.0 - b * gradient.1) / determinant
            intercept -= (a * gradient.1 - b * gradient.0) / determinant
        }
        return (Float(slope), Float(intercept))
    }
}

private extension Double {
    var exp: Double {
        Double(Float(Swift.min(80, Swift.max(-80, self))).exponential)
    }
}
