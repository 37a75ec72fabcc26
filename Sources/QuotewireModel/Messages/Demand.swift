/// Someone asks, urges or expects someone else to do something
/// (`quotewire.v1.Demand`).
public struct Demand: Sendable, Hashable {
    /// Identifier unique within one response, e.g. `"d1"`.
    public var id: String
    /// The ``Actor/id`` of who demands; empty when not found.
    public var demanderID: String
    /// The ``Actor/id`` of whom the demand is addressed to; empty when not found.
    public var addresseeID: String
    /// The demanded action.
    public var action: String
    /// Where the action stands.
    public var actionSpan: Span?
    /// The directive cue as written, e.g. `"urging"`.
    public var cue: String
    /// Where the cue stands.
    public var cueSpan: Span?
    /// The ``Quote/id`` of the reported speech that states the demand; empty when none.
    public var quoteID: String
    /// How sure the analyzer is, from 0 to 1.
    public var confidence: Float
    /// The mention of the demander; `nil` when unknown.
    public var demanderSpan: Span?
    /// The mention of the addressee; `nil` when unknown.
    public var addresseeSpan: Span?

    public init(
        id: String = "", demanderID: String = "", addresseeID: String = "", action: String = "",
        actionSpan: Span? = nil, cue: String = "", cueSpan: Span? = nil, quoteID: String = "",
        confidence: Float = 0, demanderSpan: Span? = nil, addresseeSpan: Span? = nil
    ) {
        self.id = id
        self.demanderID = demanderID
        self.addresseeID = addresseeID
        self.action = action
        self.actionSpan = actionSpan
        self.cue = cue
        self.cueSpan = cueSpan
        self.quoteID = quoteID
        self.confidence = confidence
        self.demanderSpan = demanderSpan
        self.addresseeSpan = addresseeSpan
    }
}
