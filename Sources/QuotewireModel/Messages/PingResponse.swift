/// The echo of a ``PingRequest`` (`quotewire.v1.PingResponse`).
public struct PingResponse: Sendable, Hashable {
    /// The request's payload.
    public var payload: [UInt8]

    public init(payload: [UInt8] = []) {
        self.payload = payload
    }
}
