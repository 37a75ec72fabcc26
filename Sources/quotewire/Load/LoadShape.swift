/// How hard, how long and how a load run calls.
struct LoadShape: Sendable {
    /// Calls in flight at most.
    var concurrency: Int
    /// Stop after exactly this many measured calls…
    var requests: Int?
    /// …or after this long.
    var duration: Duration?
    /// Open loop: calls started on a fixed schedule of this many per second,
    /// latency measured from each call's intended start.
    var rate: Double?
    /// Unmeasured calls before the measurement starts.
    var warmup: Duration?
    /// Deadline of each call.
    var timeout: Duration
}
