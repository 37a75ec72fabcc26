import QuotewireModel

/// A predicted demand reduced to what the demand metric compares, in Unicode scalar offsets.
public struct PredictedDemand: Sendable, Hashable {
    /// The demanded action.
    public var action: Range<Int>
    /// The demander: the mention it was read from and every mention of its actor.
    public var demander: [Range<Int>]
    /// The addressee, likewise; empty when the demand names none.
    public var addressee: [Range<Int>]
    /// The analyzer's confidence.
    public var confidence: Float

    public init(action: Range<Int>, demander: [Range<Int>] = [], addressee: [Range<Int>] = [], confidence: Float = 0) {
        self.action = action
        self.demander = demander
        self.addressee = addressee
        self.confidence = confidence
    }

    /// Reads a demand of `response` whose spans are Unicode scalar offsets; `nil` without an action span.
    public init?(_ demand: Demand, in response: AnalyzeResponse) {
        guard let span = demand.actionSpan else { return nil }
        func mentions(_ span: Span?, _ actorID: String) -> [Range<Int>] {
            let actor = actorID.isEmpty ? nil : response.actors.first { $0.id == actorID }
            return (span.map { [$0] } ?? []).map(Self.range) + (actor?.mentions ?? []).map(Self.range)
        }
        self.init(
            action: Self.range(span),
            demander: mentions(demand.demanderSpan, demand.demanderID),
            addressee: mentions(demand.addresseeSpan, demand.addresseeID), confidence: demand.confidence)
    }

    private static func range(_ span: Span) -> Range<Int> {
        Int(span.start)..<Int(max(span.start, span.end))
    }
}
