/// Platt scaling: maps a model's score to the probability that a chosen quote is right, as measured on
/// scores the model did not train on (`confidence = sigmoid(slope · logit(score) + intercept)`).
/// Monotone, so it changes no choice: only what `confidence` means.
struct Calibration: Sendable, Equatable {
    var slope: Float = 1
    var intercept: Float = 0

    /// The calibrated probability of a score in `0...1`.
    func apply(_ score: Float) -> Float {
        let clamped = min(max(score, 1e-6), 1 - 1e-6)
        let logit = (clamped / (1 - clamped)).logarithm
        return LogisticModel.sigmoid(self.slope * logit + self.intercept)
    }
}

extension Float {
    /// The natural logarithm of a positive value, without Foundation.
    var logarithm: Float {
        // ln(x) = ln(m) + e·ln 2 with m in [1, 2), ln(m) = 2·atanh((m-1)/(m+1)) by its series.
        let exponent = Float(self.exponent)
        let mantissa = Float(sign: .plus, exponent: 0, significand: self.significand)
        let ratio = (mantissa - 1) / (mantissa + 1)
        let square = ratio * ratio
        let series = ratio * (2 + square * (2.0 / 3 + square * (2.0 / 5 + square * (2.0 / 7 + square * (2.0 / 9)))))
        return series + exponent * 0.693_147_18
    }
}
