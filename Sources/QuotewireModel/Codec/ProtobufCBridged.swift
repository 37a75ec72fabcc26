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
/// immutable C globals. Also caches what the encoder needs of it per call.
struct DescriptorReference: @unchecked Sendable {
    let pointer: UnsafePointer<ProtobufCMessageDescriptor>
    /// The fully qualified protobuf name, built once instead of per call.
    let name: String
    /// An upper bound on the packed size of one message of this type
    /// without its variable parts (see `PackedSizeBound.fixedPart(of:)`),
    /// computed once so that encoding reads it once per array, not per struct.
    let fixedPackedSizeBound: Int?

    /// Reads the descriptor off a struct initialized by `initializer`: the
    /// descriptor globals themselves import into Swift as copies.
    init<CMessage>(of initializer: (UnsafeMutablePointer<CMessage>) -> Void) {
        let message = UnsafeMutablePointer<CMessage>.allocate(capacity: 1)
        defer { message.deallocate() }
        initializer(message)
        pointer = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self).pointee.descriptor
        name = String(cString: pointer.pointee.name)
        fixedPackedSizeBound = PackedSizeBound.fixedPart(of: pointer)
    }
}

/// The rules of protobuf-c 1.4 (`protobuf_c_message_get_packed_size`, which
/// `protobuf_c_message_pack` writes exactly) turned into an upper bound, so
/// that encoding can size its buffer without a sizing pass over the structs.
/// A bound too small would be a heap overflow: PackedSizeBoundTests checks it
/// against `get_packed_size` for every message type, and debug builds assert it.
enum PackedSizeBound {
    /// Tag plus length prefix of one length-delimited occurrence: a tag is at
    /// most 5 bytes (field numbers < 2^29) and protobuf-c writes lengths as
    /// uint32 varints, at most 5 bytes. Per repeated string, bytes or message element.
    static let perRepeatedElement = 10

    /// The part of the bound fixed by a message type: for each singular field,
    /// its tag plus its largest value (for strings and bytes: the length
    /// prefix; for sub-messages: the length prefix plus the sub-message's own
    /// fixed part, whether it is set or not). The arena adds the rest as it
    /// fills the structs: string and bytes contents, and per repeated element
    /// `perRepeatedElement` plus the element's fixed part. `nil` for what
    /// cannot be bounded that way: repeated scalars (no arena call accounts
    /// for them) and recursive message types.
    static func fixedPart(
        of descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
        enclosing: [UnsafePointer<ProtobufCMessageDescriptor>] = []
    ) -> Int? {
        guard !enclosing.contains(descriptor) else { return nil }
        guard let fields = descriptor.pointee.fields else { return 0 }
        var total = 0
        for index in 0..<Int(descriptor.pointee.n_fields) {
            let field = fields[index]
            let value: Int
            switch field.type {
            case PROTOBUF_C_TYPE_STRING, PROTOBUF_C_TYPE_BYTES, PROTOBUF_C_TYPE_MESSAGE:
                // Length prefix; the contents are added per occurrence by the arena.
                value = 5
            case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_ENUM, PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_UINT64,
                PROTOBUF_C_TYPE_SINT64:
                value = 10  // negative int32 and enum values are sign-extended to 10 bytes
            case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_SINT32:
                value = 5
            case PROTOBUF_C_TYPE_FIXED64, PROTOBUF_C_TYPE_SFIXED64, PROTOBUF_C_TYPE_DOUBLE:
                value = 8
            case PROTOBUF_C_TYPE_FIXED32, PROTOBUF_C_TYPE_SFIXED32, PROTOBUF_C_TYPE_FLOAT:
                value = 4
            case PROTOBUF_C_TYPE_BOOL:
                value = 1
            default:
                return nil
            }
            if field.label == PROTOBUF_C_LABEL_REPEATED {
                switch field.type {
                case PROTOBUF_C_TYPE_STRING, PROTOBUF_C_TYPE_BYTES, PROTOBUF_C_TYPE_MESSAGE:
                    continue  // the arena adds `perRepeatedElement` plus contents per element
                default:
                    return nil
                }
            }
            total += tagSize(field.id) + value
            if field.type == PROTOBUF_C_TYPE_MESSAGE {
                guard let child = field.descriptor,
                    let childPart = fixedPart(
                        of: child.assumingMemoryBound(to: ProtobufCMessageDescriptor.self),
                        enclosing: enclosing + [descriptor])
                else { return nil }
                total += childPart
            }
        }
        return total
    }

    /// The bytes of a tag varint for a field number (protobuf-c's `get_tag_size`).
    static func tagSize(_ number: UInt32) -> Int {
        switch number {
        case ..<(1 << 4): 1
        case ..<(1 << 11): 2
        case ..<(1 << 18): 3
        case ..<(1 << 25): 4
        default: 5
        }
    }
}

extension ProtobufCBridged {
    static var cDescriptor: UnsafePointer<ProtobufCMessageDescriptor> {
        descriptorReference.pointer
    }

    public static var protobufName: String {
        descriptorReference.name
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
        let arena = CArena(root: Self.cDescriptor)
        arena.addFixedPackedSize(Self.descriptorReference.fixedPackedSizeBound)
        let message = try makeCMessage(in: arena)
        let base = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self)
        // Size the buffer with the bound the arena accumulated, not with
        // protobuf_c_message_get_packed_size (a second walk over every struct
        // and strlen over every string); pack returns the exact count.
        let capacity = arena.packedSizeBound ?? protobuf_c_message_get_packed_size(base)
        assert(
            protobuf_c_message_get_packed_size(base) <= capacity,
            "packed size bound of \(Self.protobufName) is too small")
        guard capacity > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = protobuf_c_message_pack(base, buffer.baseAddress)
            precondition(count <= capacity, "protobuf-c packed past the buffer")
        }
    }
}

extension ProtobufCBridged {
    /// For tests: the bound the arena accumulates for this value, protobuf-c's
    /// exact packed size, and the bytes of the exact-size path (get_packed_size,
    /// then pack) that `protobufBytes()` replaced.
    func packedSizeCheck() throws(CodecError) -> (bound: Int?, exact: Int, exactPathBytes: [UInt8]) {
        let arena = CArena(root: Self.cDescriptor)
        arena.addFixedPackedSize(Self.descriptorReference.fixedPackedSizeBound)
        let message = try makeCMessage(in: arena)
        let base = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self)
        let size = protobuf_c_message_get_packed_size(base)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = size == 0 ? 0 : protobuf_c_message_pack(base, buffer.baseAddress)
        }
        return (arena.packedSizeBound, size, bytes)
    }
}
