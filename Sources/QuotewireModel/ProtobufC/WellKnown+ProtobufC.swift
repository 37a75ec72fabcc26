import CQuotewireProto

extension Timestamp: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Google__Protobuf__Timestamp>) { google__protobuf__timestamp__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Google__Protobuf__Timestamp>) {
        self.init(seconds: c.pointee.seconds, nanos: c.pointee.nanos)
    }

    func fill(_ c: UnsafeMutablePointer<Google__Protobuf__Timestamp>, in arena: CArena) throws(CodecError) {
        c.pointee.seconds = seconds
        c.pointee.nanos = nanos
    }
}

extension AnyMessage: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Google__Protobuf__Any>) { google__protobuf__any__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Google__Protobuf__Any>) {
        self.init(typeURL: String(cField: c.pointee.type_url), value: [UInt8](binary: c.pointee.value))
    }

    func fill(_ c: UnsafeMutablePointer<Google__Protobuf__Any>, in arena: CArena) throws(CodecError) {
        c.pointee.type_url = try arena.cString(typeURL, field: "type_url")
        c.pointee.value = arena.binary(value)
    }
}

extension RPCStatus: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Google__Rpc__Status>) { google__rpc__status__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Google__Rpc__Status>) {
        self.init(
            code: c.pointee.code, message: String(cField: c.pointee.message),
            details: [AnyMessage](cMessages: c.pointee.details, count: c.pointee.n_details))
    }

    func fill(_ c: UnsafeMutablePointer<Google__Rpc__Status>, in arena: CArena) throws(CodecError) {
        c.pointee.code = code
        c.pointee.message = try arena.cString(message, field: "message")
        c.pointee.n_details = details.count
        c.pointee.details = try arena.messages(details)
    }
}
