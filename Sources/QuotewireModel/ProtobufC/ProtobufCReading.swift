import CQuotewireProto

// Readers for the fields of unpacked protobuf-c structs. Strings were
// validated (UTF-8, no U+0000) by WireValidator before unpacking.

extension String {
    init(cField pointer: UnsafePointer<CChar>?) {
        self = pointer.map { String(cString: $0) } ?? ""
    }
}

extension Array where Element == UInt8 {
    init(binary: ProtobufCBinaryData) {
        guard binary.len > 0, let data = binary.data else {
            self = []
            return
        }
        self = Array(UnsafeBufferPointer(start: data, count: binary.len))
    }
}

extension Array where Element == String {
    init(cFields pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, count: Int) {
        guard let pointer, count > 0 else {
            self = []
            return
        }
        self = (0..<count).map { String(cField: pointer[$0]) }
    }
}

extension Optional where Wrapped: ProtobufCBridged {
    init(cMessage pointer: UnsafePointer<Wrapped.CMessage>?) {
        self = pointer.map { Wrapped(cMessage: $0) }
    }
}

extension Array where Element: ProtobufCBridged {
    init(cMessages pointer: UnsafeMutablePointer<UnsafeMutablePointer<Element.CMessage>?>?, count: Int) {
        guard let pointer, count > 0 else {
            self = []
            return
        }
        self = (0..<count).compactMap { pointer[$0].map { Element(cMessage: $0) } }
    }
}

extension ProtobufEnum {
    /// The case for a C enum field's raw value.
    init<Raw: BinaryInteger>(cValue raw: Raw) {
        self.init(protobufValue: Int32(truncatingIfNeeded: raw))
    }

    /// The raw value for a C enum field.
    func cValue<Raw: FixedWidthInteger>() -> Raw {
        Raw(truncatingIfNeeded: protobufValue)
    }
}
