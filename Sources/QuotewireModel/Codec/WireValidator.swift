import CQuotewireProto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks protobuf bytes with a message descriptor before protobuf-c unpacks
/// them, and rejects what protobuf-c would accept silently: string fields
/// that are not UTF-8 or that hold U+0000 (protobuf-c keeps strings as
/// NUL-terminated `char *` and would truncate them). Also rejects structural
/// faults (bad varints, truncated fields, field number 0, too deep nesting)
/// with a reason.
struct WireValidator {
    let root: UnsafePointer<ProtobufCMessageDescriptor>
    let maxDepth: Int

    func validate(_ bytes: UnsafeRawBufferPointer) throws(CodecError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        try walk(UnsafeRawBufferPointer(start: base, count: bytes.count), descriptor: root, path: nil, depth: 0)
    }

    private var rootName: String { String(cString: root.pointee.name) }

    private func malformed(_ reason: String, path: UnsafePointer<FieldPath>?) -> CodecError {
        guard let path else { return .malformed(message: rootName, reason: reason) }
        return .malformed(message: rootName, reason: "\(reason) in field \(path.pointee.dotted)")
    }

    private func walk(
        _ bytes: UnsafeRawBufferPointer, descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
        path: UnsafePointer<FieldPath>?, depth: Int
    ) throws(CodecError) {
        guard depth <= maxDepth else { throw malformed("nesting deeper than \(maxDepth) levels", path: path) }
        var reader = WireReader(bytes)
        while !reader.isAtEnd {
            guard let tag = reader.readVarint() else { throw malformed("truncated or overlong tag", path: path) }
            let fieldNumber = tag >> 3
            guard fieldNumber > 0, fieldNumber <= 536_870_911 else {
                throw malformed("field number \(fieldNumber) is out of range", path: path)
            }
            let wireType = UInt8(tag & 7)
            switch wireType {
            case 0:
                guard reader.readVarint() != nil else { throw malformed("truncated varint", path: path) }
            case 1:
                guard reader.skip(8) else { throw malformed("truncated fixed64", path: path) }
            case 5:
                guard reader.skip(4) else { throw malformed("truncated fixed32", path: path) }
            case 2:
                guard let length = reader.readVarint(), length <= UInt64(reader.remaining),
                    let payload = reader.take(Int(length))
                else { throw malformed("truncated length-delimited field", path: path) }
                guard let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(fieldNumber)) else {
                    continue
                }
                switch field.pointee.type {
                case PROTOBUF_C_TYPE_STRING:
                    try checkString(payload, field: field, parent: path)
                case PROTOBUF_C_TYPE_MESSAGE:
                    guard let child = field.pointee.descriptor else { continue }
                    let childDescriptor = child.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                    // The path is a chain of stack nodes, spelled out only for an error.
                    let node = FieldPath(field: field, parent: path)
                    try withUnsafePointer(to: node) { (node) throws(CodecError) in
                        try walk(payload, descriptor: childDescriptor, path: node, depth: depth + 1)
                    }
                default:
                    continue
                }
            default:
                throw malformed("unsupported wire type \(wireType)", path: path)
            }
        }
    }

    private func checkString(
        _ bytes: UnsafeRawBufferPointer, field: UnsafePointer<ProtobufCFieldDescriptor>, parent: UnsafePointer<FieldPath>?
    ) throws(CodecError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if memchr(base, 0, bytes.count) != nil {
            throw .embeddedNUL(message: rootName, field: FieldPath(field: field, parent: parent).dotted)
        }
        if !UTF8Validation.isValid(bytes) {
            throw .invalidUTF8(message: rootName, field: FieldPath(field: field, parent: parent).dotted)
        }
    }
}

/// The field a walk is inside, and the one that one is inside: a chain of
/// nodes on the stack of the recursive walk, so that the dotted path string
/// is only built when an error names it.
private struct FieldPath {
    let field: UnsafePointer<ProtobufCFieldDescriptor>
    let parent: UnsafePointer<FieldPath>?

    /// `"article.body"`: the field names from the root down.
    var dotted: String {
        var names = [String(cString: field.pointee.name)]
        var node = parent
        while let current = node {
            names.append(String(cString: current.pointee.field.pointee.name))
            node = current.pointee.parent
        }
        return names.reversed().joined(separator: ".")
    }
}

/// A cursor over protobuf bytes.
private struct WireReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }
    var remaining: Int { bytes.count - offset }

    /// A base-128 varint of at most 10 bytes; `nil` when truncated or overlong.
    mutating func readVarint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 70 {
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }

    mutating func skip(_ count: Int) -> Bool {
        guard count <= remaining else { return false }
        offset += count
        return true
    }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count <= remaining else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }
}
