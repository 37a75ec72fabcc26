import CQuotewireProto

/// A message with a protobuf-c struct twin: how to build the C struct from
/// the Swift value and read the Swift value back from an unpacked struct.
/// The C side never leaves this module.
protocol ProtobufCBridged: ProtobufMessage {
    associatedtype CMessage
    /// The generated `*__init` function of the C struct.
    static func cInit(_ message: UnsafeMutablePointer<CMessage>)
    /// The protobuf-c descriptor: `DescriptorReference(of: cInit)`, stored once.
    static var descriptorReference: DescriptorReference { get }
    /// Reads the value from an unpacked C struct whose strings were validated.
    init(cMessage: UnsafePointer<CMessage>)
    /// Fills a freshly initialized C struct from the value.
    func fill(_ cMessage: UnsafeMutablePointer<CMessage>, in arena: CArena) throws(CodecError)
}

/// A message descriptor's address, shareable across threads: descriptors are
/// immutable C globals.
struct DescriptorReference: @unchecked Sendable {
    let pointer: UnsafePointer<ProtobufCMessageDescriptor>

    /// Reads the descriptor off a struct initialized by `initializer`: the
    /// descriptor globals themselves import into Swift as copies.
    init<CMessage>(of initializer: (UnsafeMutablePointer<CMessage>) -> Void) {
        let message = UnsafeMutablePointer<CMessage>.allocate(capacity: 1)
        defer { message.deallocate() }
        initializer(message)
        pointer = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self).pointee.descriptor
    }
}

extension ProtobufCBridged {
    static var cDescriptor: UnsafePointer<ProtobufCMessageDescriptor> {
        descriptorReference.pointer
    }

    public static var protobufName: String {
        String(cString: cDescriptor.pointee.name)
    }

    func makeCMessage(in arena: CArena) throws(CodecError) -> UnsafeMutablePointer<CMessage> {
        let pointer = arena.allocate(CMessage.self)
        Self.cInit(pointer)
        try fill(pointer, in: arena)
        return pointer
    }

    public init(protobuf bytes: UnsafeRawBufferPointer, limits: DecodingLimits) throws(CodecError) {
        let descriptor = Self.cDescriptor
        guard bytes.count <= limits.maxBytes else {
            throw .tooLarge(message: Self.protobufName, bytes: bytes.count, limit: limits.maxBytes)
        }
        try WireValidator(root: descriptor, maxDepth: limits.maxDepth).validate(bytes)
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let unpacked = protobuf_c_message_unpack(descriptor, nil, bytes.count, base) else {
            throw .malformed(message: Self.protobufName, reason: "protobuf-c could not unpack it")
        }
        defer { protobuf_c_message_free_unpacked(unpacked, nil) }
        let typed = UnsafeRawPointer(unpacked).assumingMemoryBound(to: CMessage.self)
        self.init(cMessage: typed)
    }

    public func protobufBytes() throws(CodecError) -> [UInt8] {
        let arena = CArena(messageName: Self.protobufName)
        let message = try makeCMessage(in: arena)
        let base = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self)
        let size = protobuf_c_message_get_packed_size(base)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = size == 0 ? 0 : protobuf_c_message_pack(base, buffer.baseAddress)
        }
    }
}
