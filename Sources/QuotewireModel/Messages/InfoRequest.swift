/// Ask a server what it is and what it serves (`quotewire.v1.InfoRequest`).
public struct InfoRequest: Sendable, Hashable {
    public init() {}
}
