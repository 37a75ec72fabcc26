/// A point in time at nanosecond resolution (`google.protobuf.Timestamp`).
public struct Timestamp: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Non-negative fraction of a second, 0 to 999,999,999.
    public var nanos: Int32

    public init(seconds: Int64 = 0, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }
}
