import CQuotewireProto
import Testing
@testable import QuotewireModel

/// Driven by the protobuf-c descriptors, not by a list written here: for
/// every message type of the contract, a value with every field set to a
/// non-default value (nested messages, repeated fields, enums, every scalar
/// kind) survives the protobuf-c codec and the proto3 JSON mapping both ways,
/// and protoc (an independent implementation) prints every field of its bytes.
/// A field one side of the generated code forgot fails here.
@Suite struct EveryFieldTests {
    /// Every message type the generator wrote, one per message of proto/.
    static let types = ProtobufSchema.messageTypes.compactMap { type in
        (type as? any ProtobufCBridged.Type).map { TypeCase(type: $0, name: type.protobufName) }
    }

    struct TypeCase: CustomTestStringConvertible, Sendable {
        let type: any ProtobufCBridged.Type
        let name: String
        var testDescription: String { name }
    }

    @Test func everyMessageOfTheProtoHasAType() {
        #expect(Set(Self.types.map { $0.name }) == Set(ProtobufSchema.messages.keys))
    }

    @Test(arguments: types)
    func everyFieldSurvivesTheCodecAndTheJSONMapping(_ typeCase: TypeCase) throws {
        try check(typeCase.type)
    }

    private func check<M: ProtobufCBridged>(_ type: M.Type) throws {
        let descriptor = M.descriptorReference.pointer
        var seed = 1
        let json = Self.fullJSON(descriptor, seed: &seed)

        // JSON -> value -> JSON: the decoder knows every field by its JSON name, the encoder writes it.
        let value = try M(protobufJSON: json, options: .strict)
        #expect(value.protobufJSON == json)
        // The proto names are accepted too, and the JSON text reads back.
        #expect(try M(protobufJSON: Self.withProtoNames(json, descriptor), options: .strict) == value)
        #expect(try M(protobufJSON: JSONParser().parse(Array(value.jsonString().utf8)), options: .strict) == value)
        // value -> bytes -> value through protobuf-c.
        let bytes = try value.protobufBytes()
        #expect(try M(protobuf: bytes) == value)

        // protoc prints every field of the bytes, at every level; as a proto3
        // encoder writes no field holding its default, this also shows that
        // every field was set.
        let text = String(
            decoding: try ProtocInteropTests().runProtoc(
                ["--decode=\(M.protobufName)", "quotewire/v1/analyzer.proto", "ttrpc/ttrpc.proto", "grpc/health/v1/health.proto"],
                input: bytes),
            as: UTF8.self)
        let printed = Set(text.split(separator: "\n").map { line in
            let indent = line.prefix { $0 == " " }
            return String(indent + line.dropFirst(indent.count).prefix { $0 != ":" && $0 != " " })
        })
        for field in Self.fieldPaths(descriptor, depth: 0) {
            #expect(printed.contains(field), "protoc did not print \(field.trimmingCharacters(in: .whitespaces)) of \(M.protobufName):\n\(text)")
        }
    }

    // MARK: - Values from the descriptors

    /// lowerCamelCase, as proto3 JSON names fields (computed here, not taken from the generator).
    static func jsonName(_ field: ProtobufCFieldDescriptor) -> String {
        let words = String(cString: field.name).split(separator: "_")
        return words.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
            .joined()
    }

    /// A message's proto3 JSON with every field set to a non-default value, distinct per field.
    static func fullJSON(_ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, seed: inout Int) -> JSONValue {
        switch String(cString: descriptor.pointee.name) {
        case "google.protobuf.Timestamp":  // proto3 JSON writes it as an RFC 3339 string
            seed += 1
            return .string(Timestamp(seconds: 1_764_800_000 + Int64(seed), nanos: 500_000_000).rfc3339)
        case "google.protobuf.Any":
            seed += 1
            return .object([("@type", .string("type.googleapis.com/x.Y\(seed)")), ("value", .string(Base64.encode([UInt8(seed), 0, 255])))])
        default:
            break
        }
        var members: [(key: String, value: JSONValue)] = []
        for index in 0..<Int(descriptor.pointee.n_fields) {
            let field = descriptor.pointee.fields[index]
            let value: JSONValue
            if field.label == PROTOBUF_C_LABEL_REPEATED {
                value = .array([fieldValue(field, seed: &seed), fieldValue(field, seed: &seed)])
            } else {
                value = fieldValue(field, seed: &seed)
            }
            members.append((jsonName(field), value))
        }
        return .object(members)
    }

    static func fieldValue(_ field: ProtobufCFieldDescriptor, seed: inout Int) -> JSONValue {
        seed += 1
        let big = Int64(1) << 40 + Int64(seed)
        switch field.type {
        case PROTOBUF_C_TYPE_STRING: return .string("\(String(cString: field.name))-“é”-\(seed)")
        case PROTOBUF_C_TYPE_BYTES: return .string(Base64.encode([UInt8(seed), 0, 255]))
        case PROTOBUF_C_TYPE_BOOL: return .bool(true)
        case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_SINT32, PROTOBUF_C_TYPE_SFIXED32: return .number("-\(seed)")
        case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_FIXED32: return .number("\(UInt32(1) << 31 + UInt32(seed))")
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64: return .string("-\(big)")
        case PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64: return .string("\(UInt64(1) << 63 + UInt64(seed))")
        case PROTOBUF_C_TYPE_FLOAT, PROTOBUF_C_TYPE_DOUBLE: return .number("\(seed).5")
        case PROTOBUF_C_TYPE_ENUM:
            // The last value: never the default (0), which proto3 puts first.
            let values = field.descriptor.assumingMemoryBound(to: ProtobufCEnumDescriptor.self).pointee
            return .string(String(cString: values.values[Int(values.n_values) - 1].name))
        case PROTOBUF_C_TYPE_MESSAGE:
            return fullJSON(field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self), seed: &seed)
        default:
            Issue.record("field \(String(cString: field.name)) has a type this test does not know")
            return .null
        }
    }

    /// The same JSON with the proto's field names (`speaker_id`) instead of the JSON names.
    static func withProtoNames(_ json: JSONValue, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>) -> JSONValue {
        guard case .object(let members) = json, descriptor.pointee.n_fields > 0 else { return json }
        var renamed = members
        for index in 0..<Int(descriptor.pointee.n_fields) {
            let field = descriptor.pointee.fields[index]
            guard let position = renamed.firstIndex(where: { $0.key == jsonName(field) }) else { continue }
            renamed[position].key = String(cString: field.name)
            if field.type == PROTOBUF_C_TYPE_MESSAGE {
                let child = field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                if case .array(let elements) = renamed[position].value {
                    renamed[position].value = .array(elements.map { withProtoNames($0, child) })
                } else {
                    renamed[position].value = withProtoNames(renamed[position].value, child)
                }
            }
        }
        return .object(renamed)
    }

    /// `"  name"` for every field of the tree, indented two spaces per level, as protoc prints them.
    static func fieldPaths(_ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, depth: Int) -> [String] {
        var paths: [String] = []
        for index in 0..<Int(descriptor.pointee.n_fields) {
            let field = descriptor.pointee.fields[index]
            let name = String(cString: field.name)
            paths.append(String(repeating: " ", count: depth * 2) + name)
            if field.type == PROTOBUF_C_TYPE_MESSAGE {
                paths += fieldPaths(field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self), depth: depth + 1)
            }
        }
        return paths
    }
}
