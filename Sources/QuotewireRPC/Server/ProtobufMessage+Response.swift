import QuotewireModel

extension ProtobufMessage {
    /// The message encoded as an answer: a message the server built but
    /// cannot encode is the server's fault (INTERNAL), never the caller's.
    func responseBytes() throws(RPCError) -> [UInt8] {
        do {
            return try self.protobufBytes()
        } catch {
            throw RPCError(code: .internal, message: "the response could not be encoded: \(error)")
        }
    }
}
