#!/usr/bin/env python3
"""Writes the Swift side of the contract from the descriptors protoc prints.

    protoc --include_imports --include_source_info --descriptor_set_out=FILE ... \
      && scripts/proto-swift/generate.py FILE OUT_DIR

For every message and enum of the .proto files (google/protobuf/*.proto
included) it writes OUT_DIR/<SwiftName>.swift holding
  - the Swift value type (Sendable, Hashable, doc comments from the proto's),
  - its protobuf-c bridge (`ProtobufCBridged`: fill the C struct in the arena,
    read it back from an unpacked struct),
  - its proto3 JSON mapping, both ways (lowerCamelCase, enums by name, 64-bit
    integers as strings, defaults written; the decoder takes either name),
and OUT_DIR/ProtobufSchema.swift: the field lines `describe` prints and the
list of every message type (the descriptor-driven tests walk it).

The well-known types with a JSON form of their own (Timestamp, Any) get their
type and bridge here and their JSON by hand (Sources/QuotewireModel/JSON).
Only the standard library is used: the descriptor set is decoded by the small
protobuf reader below. Output depends only on the input, so two runs give
the same bytes (generate-proto.sh --check relies on it).
"""
import os
import sys

# Swift names that are not the proto's simple name (kept from before the generator).
SWIFT_TYPE_NAMES = {
    "google.protobuf.Any": "AnyMessage",
    "google.rpc.Status": "RPCStatus",
    "ttrpc.Request": "TTRPCRequest",
    "ttrpc.Response": "TTRPCResponse",
}
# Types whose proto3 JSON is special and written by hand.
HAND_WRITTEN_JSON = {"google.protobuf.Timestamp", "google.protobuf.Any"}
# Words written in capitals inside Swift names (`articleID`, `typeURL`).
ACRONYMS = {"id": "ID", "url": "URL"}
SWIFT_KEYWORDS = {
    "associatedtype", "class", "default", "deinit", "enum", "extension", "func", "import", "init", "inout",
    "internal", "let", "operator", "private", "protocol", "public", "static", "struct", "subscript", "typealias",
    "var", "break", "case", "continue", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
    "return", "switch", "where", "while", "as", "is", "nil", "self", "Self", "super", "throw", "throws", "true",
    "false", "try", "Type", "any", "some",
}

# --- a protobuf reader, just enough for descriptor.proto -------------------

def varint(data, index):
    value, shift = 0, 0
    while True:
        byte = data[index]
        index += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, index
        shift += 7


def wire_fields(data):
    """(field number, value) pairs: ints for varints, bytes otherwise."""
    index = 0
    while index < len(data):
        key, index = varint(data, index)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, index = varint(data, index)
        elif wire_type == 2:
            length, index = varint(data, index)
            value, index = data[index:index + length], index + length
        elif wire_type == 1:
            value, index = data[index:index + 8], index + 8
        elif wire_type == 5:
            value, index = data[index:index + 4], index + 4
        else:
            raise ValueError(f"wire type {wire_type} in the descriptor set")
        yield number, value


def decode(data, schema):
    """A dict of the fields named in `schema` ({number: (name, kind)}); kind is
    'str', 'int', 'ints' (packed), a nested schema, or a list of one of those
    (repeated)."""
    result = {name: [] for name, kind in schema.values() if isinstance(kind, list)}
    for number, value in wire_fields(data):
        if number not in schema:
            continue
        name, kind = schema[number]
        repeated = isinstance(kind, list)
        element = kind[0] if repeated else kind
        if element == "str":
            value = value.decode("utf-8")
        elif element == "ints":
            packed, index, value = value, 0, []
            while index < len(packed):
                item, index = varint(packed, index)
                value.append(item)
        elif isinstance(element, dict):
            value = decode(value, element)
        if repeated:
            result[name].append(value)
        else:
            result[name] = value
    return result


ENUM_VALUE = {1: ("name", "str"), 2: ("number", "int")}
ENUM = {1: ("name", "str"), 2: ("value", [ENUM_VALUE])}
FIELD = {
    1: ("name", "str"), 3: ("number", "int"), 4: ("label", "int"), 5: ("type", "int"),
    6: ("type_name", "str"), 9: ("oneof_index", "int"), 10: ("json_name", "str"),
}
MESSAGE = {
    1: ("name", "str"), 2: ("field", [FIELD]), 4: ("enum_type", [ENUM]), 7: ("options", {7: ("map_entry", "int")}),
}
MESSAGE[3] = ("nested_type", [MESSAGE])
LOCATION = {1: ("path", "ints"), 3: ("leading_comments", "str")}
FILE = {
    1: ("name", "str"), 2: ("package", "str"), 4: ("message_type", [MESSAGE]), 5: ("enum_type", [ENUM]),
    9: ("source_code_info", {1: ("location", [LOCATION])}),
}
FILE_SET = {1: ("file", [FILE])}

# FieldDescriptorProto.Type
DOUBLE, FLOAT, INT64, UINT64, INT32, FIXED64, FIXED32, BOOL, STRING, GROUP, MESSAGE_TYPE, BYTES, UINT32, \
    ENUM_TYPE, SFIXED32, SFIXED64, SINT32, SINT64 = range(1, 19)
REPEATED = 3
SCALARS = {
    DOUBLE: ("double", "Double", "0"), FLOAT: ("float", "Float", "0"), INT64: ("int64", "Int64", "0"),
    UINT64: ("uint64", "UInt64", "0"), INT32: ("int32", "Int32", "0"), FIXED64: ("fixed64", "UInt64", "0"),
    FIXED32: ("fixed32", "UInt32", "0"), BOOL: ("bool", "Bool", "false"), STRING: ("string", "String", '""'),
    BYTES: ("bytes", "[UInt8]", "[]"), UINT32: ("uint32", "UInt32", "0"), SFIXED32: ("sfixed32", "Int32", "0"),
    SFIXED64: ("sfixed64", "Int64", "0"), SINT32: ("sint32", "Int32", "0"), SINT64: ("sint64", "Int64", "0"),
}

# --- the model of the contract ---------------------------------------------

class Enum:
    def __init__(self, full_name, proto, comments, path, file_name):
        self.full_name, self.file_name = full_name, file_name
        self.doc = comments.get(path)
        prefix = to_upper_snake(proto["name"]) + "_"
        self.values = []
        for index, value in enumerate(proto["value"]):
            name = value["name"]
            stem = name[len(prefix):] if name.startswith(prefix) and len(name) > len(prefix) else name
            self.values.append((name, value["number"], lower_camel(stem.lower()), comments.get(path + (2, index))))


class Message:
    def __init__(self, full_name, proto, comments, path, file_name):
        self.full_name, self.proto, self.file_name = full_name, proto, file_name
        self.doc = comments.get(path)
        self.fields = [(field, comments.get(path + (2, index))) for index, field in enumerate(proto["field"])]


def collect(file_set):
    """Every message and enum by full name, in file and declaration order."""
    types = {}
    for file in file_set["file"]:
        comments = {}
        for location in file.get("source_code_info", {}).get("location", []):
            if location.get("leading_comments"):
                comments[tuple(location["path"])] = location["leading_comments"]

        def add_enum(proto, parent, path):
            full = f"{parent}.{proto['name']}"
            types[full] = Enum(full, proto, comments, path, file["name"])

        def add_message(proto, parent, path):
            full = f"{parent}.{proto['name']}"
            types[full] = Message(full, proto, comments, path, file["name"])
            for index, nested in enumerate(proto["nested_type"]):
                add_message(nested, full, path + (3, index))
            for index, nested in enumerate(proto["enum_type"]):
                add_enum(nested, full, path + (4, index))

        for index, proto in enumerate(file["message_type"]):
            add_message(proto, file["package"], (4, index))
        for index, proto in enumerate(file["enum_type"]):
            add_enum(proto, file["package"], (5, index))
    return types

# --- names -----------------------------------------------------------------

def to_upper_snake(camel):
    out = ""
    for index, char in enumerate(camel):
        if char.isupper() and index > 0 and (camel[index - 1].islower() or camel[index - 1].isdigit()):
            out += "_"
        out += char.upper()
    return out


def lower_camel(snake):
    words = [word for word in snake.split("_") if word]
    return words[0] + "".join(ACRONYMS.get(word, word[:1].upper() + word[1:]) for word in words[1:])


def swift_property(field_name):
    name = lower_camel(field_name)
    return f"`{name}`" if name in SWIFT_KEYWORDS else name


def swift_type_name(types, full_name):
    """`quotewire.v1.Article` -> `Article`; nested types -> `Outer.Inner`."""
    if full_name in SWIFT_TYPE_NAMES:
        return SWIFT_TYPE_NAMES[full_name]
    parent = full_name.rsplit(".", 1)[0]
    simple = full_name.rsplit(".", 1)[1]
    return f"{swift_type_name(types, parent)}.{simple}" if parent in types else simple


def c_type_name(full_name):
    """protoc-c's struct name: `grpc.health.v1.HealthCheckRequest` -> `Grpc__Health__V1__HealthCheckRequest`."""
    return "__".join(part[:1].upper() + part[1:] for part in full_name.split("."))


def c_function_prefix(full_name):
    """protoc-c's function prefix: `quotewire.v1.AnalyzeRequest` -> `quotewire__v1__analyze_request`."""
    return "__".join(to_upper_snake(part).lower() for part in full_name.split("."))


def schema_type_name(types, field, message):
    """The field's type as the .proto spells it: scalars by keyword, types of the
    same package or message by their short name, others in full."""
    if field["type"] in SCALARS:
        return SCALARS[field["type"]][0]
    full = field["type_name"].lstrip(".")
    if full.startswith(message.full_name + "."):
        return full[len(message.full_name) + 1:]
    package = message.full_name.rsplit(".", 1)[0]
    while package in types:
        package = package.rsplit(".", 1)[0]
    if full.startswith(package + ".") and "." not in full[len(package) + 1:]:
        return full[len(package) + 1:]
    return full


def doc_lines(comment, indent, suffix=None):
    if comment is None and suffix is None:
        return []
    lines = [line.strip() for line in (comment or "").strip().splitlines()] if comment else []
    if suffix:
        if lines:
            lines[-1] += f" {suffix}"
        else:
            lines = [suffix]
    return [f"{indent}/// {line}".rstrip() for line in lines]

# --- Swift -----------------------------------------------------------------

class FieldInfo:
    """What the generator needs to know of one field."""

    def __init__(self, types, message, field):
        self.proto_name = field["name"]
        self.json_name = field.get("json_name") or lower_camel(field["name"])
        self.swift = swift_property(field["name"])
        self.type = field["type"]
        self.repeated = field.get("label") == REPEATED
        self.referenced = types.get(field.get("type_name", "").lstrip("."))
        where = f"{message.full_name}.{field['name']}"
        if "oneof_index" in field:
            fail(f"{where}: oneof (and proto3 optional) fields are not supported by the generator yet")
        if self.type == GROUP:
            fail(f"{where}: groups are not supported")
        if self.repeated and self.type not in (STRING, MESSAGE_TYPE):
            fail(f"{where}: repeated {SCALARS.get(self.type, ('enum',))[0]} fields are not supported by the generator yet")
        if self.type == MESSAGE_TYPE and self.referenced.proto.get("options", {}).get("map_entry"):
            fail(f"{where}: map fields are not supported by the generator yet")
        if self.type in SCALARS:
            element, default = SCALARS[self.type][1], SCALARS[self.type][2]
        else:
            element = swift_type_name(types, self.referenced.full_name)
            default = f".{self.referenced.values[0][2]}" if self.type == ENUM_TYPE else "nil"
        if self.repeated:
            self.swift_type, self.default = f"[{element}]", "[]"
        elif self.type == MESSAGE_TYPE:
            self.swift_type, self.default = f"{element}?", "nil"
        else:
            self.swift_type, self.default = element, default
        self.element = element


def header(source):
    return [f"// Generated by scripts/generate-proto.sh from {source}; do not edit.", ""]


def enum_file(types, enum):
    name = swift_type_name(types, enum.full_name)
    nested = "." in name
    outer, simple = (name.rsplit(".", 1) if nested else (None, name))
    indent = "    " if nested else ""
    out = header(enum.file_name)
    if nested:
        out.append(f"extension {outer} {{")
    out += doc_lines(enum.doc, indent, f"(`{enum.full_name}`)")
    out.append(f"{indent}public enum {simple}: Sendable, Hashable {{")
    for _, _, case, doc in enum.values:
        out += doc_lines(doc, indent + "    ")
        out.append(f"{indent}    case {case}")
    out.append(f"{indent}    /// A value this version does not know, kept as it came.")
    out.append(f"{indent}    case unrecognized(Int32)")
    out.append(f"{indent}}}")
    if nested:
        out.append("}")
    out += ["", f"extension {name}: ProtobufEnum {{"]
    out.append(f"    public static let cases: [(value: Int32, name: String, case: {name})] = [")
    for proto_name, number, case, _ in enum.values:
        out.append(f'        ({number}, "{proto_name}", .{case}),')
    out += [
        "    ]",
        "",
        "    public var unrecognizedValue: Int32? {",
        "        if case .unrecognized(let value) = self { return value }",
        "        return nil",
        "    }",
        "}",
    ]
    return out


def message_file(types, message):
    name = swift_type_name(types, message.full_name)
    fields = [(FieldInfo(types, message, field), doc) for field, doc in message.fields]
    out = header(message.file_name) + ["import CQuotewireProto", ""]
    out += struct(name, message, fields)
    out += [""] + bridge(name, message, fields)
    if message.full_name not in HAND_WRITTEN_JSON:
        out += [""] + json_encoder(name, fields)
        out += [""] + json_decoder(name, message, fields)
    return out


def struct(name, message, fields):
    out = doc_lines(message.doc, "", f"(`{message.full_name}`)")
    out.append(f"public struct {name}: Sendable, Hashable {{")
    for info, doc in fields:
        out += doc_lines(doc, "    ")
        out.append(f"    public var {info.swift}: {info.swift_type}")
    if fields:
        out.append("")
        out.append("    /// A value with the given fields; the others keep their proto3 defaults.")
        out.append("    public init(")
        params = [f"{info.swift}: {info.swift_type} = {info.default}" for info, _ in fields]
        out += [f"        {param}," for param in params[:-1]] + [f"        {params[-1]}"]
        out.append("    ) {")
        out += [f"        self.{info.swift} = {info.swift}" for info, _ in fields]
        out.append("    }")
    else:
        out.append("    /// The message has no fields.")
        out.append("    public init() {}")
    out.append("}")
    return out


def bridge(name, message, fields):
    c_type = c_type_name(message.full_name)
    out = [
        f"extension {name}: ProtobufCBridged {{",
        f"    static func cInit(_ message: UnsafeMutablePointer<{c_type}>) {{ {c_function_prefix(message.full_name)}__init(message) }}",
        "    static let descriptorReference = DescriptorReference(of: cInit)",
        "",
    ]
    reads, fills = [], []
    for info, _ in fields:
        value = f"self.{info.swift}"  # `self.`: a field may be named `c` or `arena`
        c = f"c.pointee.{info.proto_name}"
        count = f"c.pointee.n_{info.proto_name}"
        if info.repeated and info.type == STRING:
            reads.append(f"[String](cFields: {c}, count: {count})")
            fills += [f"{count} = {value}.count",
                      f'{c} = try arena.cStrings({value}, field: "{info.proto_name}")']
        elif info.repeated:
            reads.append(f"[{info.element}](cMessages: {c}, count: {count})")
            fills += [f"{count} = {value}.count", f"{c} = try arena.messages({value})"]
        elif info.type == MESSAGE_TYPE:
            reads.append(f"{info.element}?(cMessage: {c})")
            fills.append(f"{c} = try arena.message({value})")
        elif info.type == ENUM_TYPE:
            reads.append(f"{info.element}(cValue: {c}.rawValue)")
            fills.append(f"{c} = .init(rawValue: {value}.cValue())")
        elif info.type == STRING:
            reads.append(f"String(cField: {c})")
            fills.append(f'{c} = try arena.cString({value}, field: "{info.proto_name}")')
        elif info.type == BYTES:
            reads.append(f"[UInt8](binary: {c})")
            fills.append(f"{c} = arena.binary({value})")
        elif info.type == BOOL:
            reads.append(f"{c} != 0")
            fills.append(f"{c} = {value} ? 1 : 0")
        else:
            reads.append(c)
            fills.append(f"{c} = {value}")
    out.append(f"    init(cMessage c: UnsafePointer<{c_type}>) {{")
    if fields:
        out.append("        self.init(")
        args = [f"{info.swift.strip('`')}: {read}" for (info, _), read in zip(fields, reads)]
        out += [f"            {arg}," for arg in args[:-1]] + [f"            {args[-1]})"]
    else:
        out.append("        self.init()")
    out += ["    }", ""]
    signature = f"    func fill(_ c: UnsafeMutablePointer<{c_type}>, in arena: CArena) throws(CodecError) {{"
    if fills:
        out.append(signature)
        out += [f"        {line}" for line in fills]
        out.append("    }")
    else:
        out.append(signature + "}")
    out.append("}")
    return out


def json_encoder(name, fields):
    out = [f"extension {name}: ProtobufJSONEncodable {{"]
    if not fields:
        return out + ["    public var protobufJSON: JSONValue { .object([]) }", "}"]
    out += ["    public var protobufJSON: JSONValue {", "        var json = JSONObjectBuilder()"]
    for info, _ in fields:
        if info.type == BYTES:
            out.append(f'        json.add("{info.json_name}", bytes: {info.swift})')
        else:
            out.append(f'        json.add("{info.json_name}", {info.swift})')
    out += ["        return json.object", "    }", "}"]
    return out


def json_decoder(name, message, fields):
    simple = message.full_name.rsplit(".", 1)[1]
    out = [
        f"extension {name}: ProtobufJSONDecodable {{",
        "    public init(protobufJSON json: JSONValue, options: JSONDecodingOptions) throws(JSONMappingError) {",
        "        self.init()",
    ]
    if not fields:
        return out + [
            f'        for member in try json.protobufMembers(of: "{simple}") {{',
            f'            try options.unknownField(member.key, of: "{simple}", fields: [])',
            "        }", "    }", "}",
        ]
    out += [
        f'        for member in try json.protobufMembers(of: "{simple}") {{',
        "            switch member.key {",
    ]
    for info, _ in fields:
        names = [info.json_name] + ([info.proto_name] if info.proto_name != info.json_name else [])
        labels = ", ".join(f'"{label}"' for label in names)
        field = f'"{info.json_name}"'
        if info.repeated and info.type == STRING:
            read = f"try value.protobufStrings({field})"
        elif info.repeated:
            read = f"try value.protobufMessages({field}, options: options)"
        elif info.type == MESSAGE_TYPE:
            read = f"try value.protobufMessage({field}, options: options)"
        elif info.type == ENUM_TYPE:
            read = f"try value.protobufEnum({field})"
        elif info.type == STRING:
            read = f"try value.protobufString({field})"
        elif info.type == BYTES:
            read = f"try value.protobufBytes({field})"
        elif info.type == BOOL:
            read = f"try value.protobufBool({field})"
        elif info.type in (FLOAT, DOUBLE):
            read = f"try value.protobufFloatingPoint({field})"
        else:
            read = f"try value.protobufInteger({field})"
        out.append(f"            case {labels}: self.{info.swift} = {read.replace('try value.', 'try member.value.')}")
    out += [
        f'            default: try options.unknownField(member.key, of: "{simple}", fields: {json_names(fields)})',
        "            }",
        "        }",
        "    }",
        "}",
    ]
    return out


def json_names(fields):
    return "[" + ", ".join(f'"{info.json_name}"' for info, _ in fields) + "]"


def schema_file(types):
    out = header("every .proto file") + [
        "/// The contract as the .proto files write it: every message's field lines",
        "/// and every enum's value lines by full name (`quotewire describe` prints",
        "/// them), and every message type.",
        "public enum ProtobufSchema {",
        "    /// Field lines (`type name = number;`) by fully qualified message name.",
        "    public static let messages: [String: [String]] = [",
    ]
    for full, message in types.items():
        if not isinstance(message, Message):
            continue
        lines = []
        for field, _ in message.fields:
            label = "repeated " if field.get("label") == REPEATED else ""
            lines.append(f'"{label}{schema_type_name(types, field, message)} {field["name"]} = {field["number"]};"')
        out.append(f'        "{full}": [{", ".join(lines)}],')
    out += ["    ]", "", "    /// Value lines (`NAME = number;`) by fully qualified enum name.",
            "    public static let enums: [String: [String]] = ["]
    for full, enum in types.items():
        if isinstance(enum, Enum):
            lines = ", ".join(f'"{name} = {number};"' for name, number, _, _ in enum.values)
            out.append(f'        "{full}": [{lines}],')
    out += ["    ]", "", "    /// Every message type of the contract, in .proto order.",
            "    public static let messageTypes: [any ProtobufMessage.Type] = ["]
    for full, message in types.items():
        if isinstance(message, Message):
            out.append(f"        {swift_type_name(types, full)}.self,")
    out += ["    ]", "}"]
    return out


def fail(message):
    print(f"proto-swift: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) != 3:
        fail("usage: generate.py DESCRIPTOR_SET OUT_DIR")
    with open(sys.argv[1], "rb") as handle:
        types = collect(decode(handle.read(), FILE_SET))
    os.makedirs(sys.argv[2], exist_ok=True)
    files = {"ProtobufSchema.swift": schema_file(types)}
    for full, item in types.items():
        name = swift_type_name(types, full)
        if f"{name}.swift" in files:
            fail(f"{full}: a second type named {name}; give it a Swift name in SWIFT_TYPE_NAMES")
        lines = enum_file(types, item) if isinstance(item, Enum) else message_file(types, item)
        files[f"{name}.swift"] = lines
    for file_name, lines in sorted(files.items()):
        with open(os.path.join(sys.argv[2], file_name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
