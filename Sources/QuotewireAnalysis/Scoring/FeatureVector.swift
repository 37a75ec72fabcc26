/// Where hashed features go: a model's running sum while scoring, a list of indices while training.
///
/// Each feature is a template (what is looked at) and a value (what was seen there), mixed into one
/// 32-bit index; a model keeps `2^bits` weights and reads each index modulo its size.
protocol FeatureSink {
    mutating func add(index: UInt32)
}

extension FeatureSink {
    /// Adds the feature `template = value`.
    mutating func add(_ template: FeatureTemplate, _ value: UInt64 = 0) {
        self.add(index: FeatureVector.mix(UInt64(template.rawValue) &* 0x9E37_79B9_7F4A_7C15 ^ value))
    }

    /// Adds the conjunction of two values under one template.
    mutating func add(_ template: FeatureTemplate, _ first: UInt64, _ second: UInt64) {
        self.add(template, first &* 0xBF58_476D_1CE4_E5B9 ^ second)
    }
}

/// The hashed features of one candidate, kept as indices (for training).
struct FeatureVector: FeatureSink, Sendable {
    private(set) var indices: [UInt32] = []

    mutating func add(index: UInt32) {
        self.indices.append(index)
    }

    /// A multiplicative hash: the high half of the product with an odd 64-bit constant.
    static func mix(_ value: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: (value ^ (value >> 29)) &* 0x9E37_79B9_7F4A_7C15 >> 32)
    }
}
