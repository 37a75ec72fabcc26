extension Span {
    /// The number of positions covered.
    public var length: UInt32 { end >= start ? end - start : 0 }
}
