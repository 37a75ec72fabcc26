/// Counts of the demand metric (EVALUATION.md, "Demands"); counts of several documents add up.
public struct DemandCounts: Sendable, Hashable {
    /// Gold items judged demands.
    public var goldDemands = 0
    /// Gold demands with a predicted demand whose action overlaps the gold action.
    public var found = 0
    /// Found demands whose demander overlaps the gold source.
    public var foundWithDemander = 0
    /// Found demands with the right addressee (overlapping it, or none for a gold none).
    public var foundWithAddressee = 0
    /// Gold items judged not demands.
    public var goldNonDemands = 0
    /// Gold non-demands that a predicted demand (not matched to a true demand) overlaps.
    public var falseAlarms = 0
    /// Predicted demands in the judged documents (whether or not a gold item covers them).
    public var predictions = 0

    public init() {}

    public static func += (lhs: inout DemandCounts, rhs: DemandCounts) {
        lhs.goldDemands += rhs.goldDemands
        lhs.found += rhs.found
        lhs.foundWithDemander += rhs.foundWithDemander
        lhs.foundWithAddressee += rhs.foundWithAddressee
        lhs.goldNonDemands += rhs.goldNonDemands
        lhs.falseAlarms += rhs.falseAlarms
        lhs.predictions += rhs.predictions
    }

    /// Found over gold demands.
    public var recall: Double { EvaluationCounts.ratio(self.found, self.goldDemands) }
    /// Found with the right demander over gold demands.
    public var recallWithDemander: Double { EvaluationCounts.ratio(self.foundWithDemander, self.goldDemands) }
    /// Found with the right addressee over gold demands.
    public var recallWithAddressee: Double { EvaluationCounts.ratio(self.foundWithAddressee, self.goldDemands) }
    /// False alarms over gold non-demands.
    public var falseAlarmRate: Double { EvaluationCounts.ratio(self.falseAlarms, self.goldNonDemands) }
}
