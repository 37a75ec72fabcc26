/// How to analyze and report (`quotewire.v1.AnalyzeOptions`).
public struct AnalyzeOptions: Sendable, Hashable {
    /// The unit of every span in the response.
    public var offsetUnit: OffsetUnit
    /// Leave out quotes and demands below this confidence (0 keeps all).
    public var minConfidence: Float
    /// Skip demand extraction.
    public var skipDemands: Bool

    public init(offsetUnit: OffsetUnit = .utf8, minConfidence: Float = 0, skipDemands: Bool = false) {
        self.offsetUnit = offsetUnit
        self.minConfidence = minConfidence
        self.skipDemands = skipDemands
    }
}
