/// The ttrpc call envelope (`ttrpc.Request`): the payload of every Request frame.
public struct TTRPCRequest: Sendable, Hashable {
    /// Fully qualified service name, e.g. `"quotewire.v1.Analyzer"`.
    public var service: String
    /// Method name, e.g. `"Analyze"`.
    public var method: String
    /// The serialized request message.
    public var payload: [UInt8]
    /// Time granted to the call in nanoseconds; 0 means no deadline.
    public var timeoutNano: Int64
    /// Metadata of the call.
    public var metadata: [KeyValue]

    public init(
        service: String = "", method: String = "", payload: [UInt8] = [], timeoutNano: Int64 = 0,
        metadata: [KeyValue] = []
    ) {
        self.service = service
        self.method = method
        self.payload = payload
        self.timeoutNano = timeoutNano
        self.metadata = metadata
    }
}
