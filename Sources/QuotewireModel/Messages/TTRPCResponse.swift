/// The ttrpc answer envelope (`ttrpc.Response`): the payload of every Response frame.
public struct TTRPCResponse: Sendable, Hashable {
    /// The outcome; `nil` means OK.
    public var status: RPCStatus?
    /// The serialized response message.
    public var payload: [UInt8]

    public init(status: RPCStatus? = nil, payload: [UInt8] = []) {
        self.status = status
        self.payload = payload
    }
}
