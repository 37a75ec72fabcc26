import CQuotewireProto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Readers for the fields of unpacked protobuf-c structs. Strings were
// validated (UTF-8, no U+0000) by WireValidator before unpacking.

extension String {
    /// A string field of an unpacked struct. WireValidator already checked
    /// these bytes (strict UTF-8, no U+0000) with the field's path at hand,
    /// so the String is built without the stdlib validating them again
    /// (`String(cString:)` would, through `_fromUTF8Repairing`).
    init(cField pointer: UnsafePointer<CChar>?) {
        guard let pointer else {
            self = ""
            return
        }
        let count = strlen(pointer)
        self = UnsafeRawPointer(pointer).withMemoryRebound(to: UInt8.self, capacity: count) { base in
            let bytes = UnsafeBufferPointer(start: base, count: count)
            assert(UTF8Validation.isValid(UnsafeRawBufferPointer(bytes)), "string field was not validated")
            // Let the String know whether it is ASCII: otherwise it is not
            // flagged ASCII even when it is, and later index and UTF-16 offset
            // work on it takes the stdlib's slow paths (utf16.count and
            // index(offsetBy:) ~4x slower on a 3 KB ASCII string).
            var span = unsafe UTF8Span(unchecked: Swift.Span(_unsafeElements: bytes))
            _ = span.checkForASCII()
            return String(copying: span)
        }
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
