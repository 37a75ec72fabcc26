/// What one analysis may spend: the analysis checks it between stages and
/// while it assembles the response, and stops with an ``AnalyzeError`` as
/// soon as it is spent, without building the rest of the answer.
public struct AnalysisBudget: Sendable {
    /// The most bytes of answer text (quote, cue and action strings) the
    /// response may carry; the encoded response is always larger, so passing
    /// it means the answer could not be sent. `nil`: unbounded.
    public var maxResponseBytes: Int?
    /// When the caller stops waiting; `nil`: never.
    public var deadline: ContinuousClock.Instant?
    /// Set when the caller no longer wants the answer.
    public var cancellation: CancellationFlag?

    /// - Parameters:
    ///   - maxResponseBytes: the most bytes of answer text, `nil` for no bound.
    ///   - deadline: when the caller stops waiting.
    ///   - cancellation: set when the caller no longer wants the answer.
    public init(
        maxResponseBytes: Int? = nil, deadline: ContinuousClock.Instant? = nil, cancellation: CancellationFlag? = nil
    ) {
        self.maxResponseBytes = maxResponseBytes
        self.deadline = deadline
        self.cancellation = cancellation
    }

    /// No bound at all.
    public static let unlimited = AnalysisBudget()

    /// Throws when the caller no longer wants the answer.
    public func checkCancelled() throws(AnalyzeError) {
        if self.cancellation?.isCancelled == true { throw .cancelled }
        if let deadline = self.deadline, ContinuousClock.now >= deadline { throw .deadlineExceeded }
    }

    /// Throws when `bytes` of answer text pass ``maxResponseBytes``.
    public func checkResponseBytes(_ bytes: Int) throws(AnalyzeError) {
        if let limit = self.maxResponseBytes, bytes > limit { throw .responseTooLarge(limit: limit) }
    }
}
