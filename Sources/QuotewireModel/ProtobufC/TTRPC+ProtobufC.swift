import CQuotewireProto

extension TTRPCRequest: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Ttrpc__Request>) { ttrpc__request__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Ttrpc__Request>) {
        self.init(
            service: String(cField: c.pointee.service), method: String(cField: c.pointee.method),
            payload: [UInt8](binary: c.pointee.payload), timeoutNano: c.pointee.timeout_nano,
            metadata: [KeyValue](cMessages: c.pointee.metadata, count: c.pointee.n_metadata))
    }

    func fill(_ c: UnsafeMutablePointer<Ttrpc__Request>, in arena: CArena) throws(CodecError) {
        c.pointee.service = try arena.cString(service, field: "service")
        c.pointee.method = try arena.cString(method, field: "method")
        c.pointee.payload = arena.binary(payload)
        c.pointee.timeout_nano = timeoutNano
        c.pointee.n_metadata = metadata.count
        c.pointee.metadata = try arena.messages(metadata)
    }
}

extension TTRPCResponse: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Ttrpc__Response>) { ttrpc__response__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Ttrpc__Response>) {
        self.init(status: RPCStatus?(cMessage: c.pointee.status), payload: [UInt8](binary: c.pointee.payload))
    }

    func fill(_ c: UnsafeMutablePointer<Ttrpc__Response>, in arena: CArena) throws(CodecError) {
        c.pointee.status = try arena.message(status)
        c.pointee.payload = arena.binary(payload)
    }
}

extension KeyValue: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Ttrpc__KeyValue>) { ttrpc__key_value__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Ttrpc__KeyValue>) {
        self.init(key: String(cField: c.pointee.key), value: String(cField: c.pointee.value))
    }

    func fill(_ c: UnsafeMutablePointer<Ttrpc__KeyValue>, in arena: CArena) throws(CodecError) {
        c.pointee.key = try arena.cString(key, field: "key")
        c.pointee.value = try arena.cString(value, field: "value")
    }
}
