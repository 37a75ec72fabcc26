/// Ask the server to echo a payload (`quotewire.v1.PingRequest`).
public struct PingRequest: Sendable, Hashable {
    /// Any bytes; echoed unchanged.
    public var payload: [UInt8]

    public init(payload: [UInt8] = []) {
        self.payload = payload
    }
}
