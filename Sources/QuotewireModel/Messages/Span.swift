/// A half-open range `[start, end)` of an article body (`quotewire.v1.Span`),
/// counted in the ``OffsetUnit`` the request asked for.
public struct Span: Sendable, Hashable {
    /// The first position of the range.
    public var start: UInt32
    /// The position just past the range.
    public var end: UInt32

    public init(start: UInt32 = 0, end: UInt32 = 0) {
        self.start = start
        self.end = end
    }

    /// The number of positions covered.
    public var length: UInt32 { end >= start ? end - start : 0 }
}
