import QuotewireModel

/// The fields of every message of the contract, as `describe` prints them
/// (the proto's field lines, generated from `proto/` into ``ProtobufSchema``).
enum MessageSchema {
    /// Field lines (`type name = number;`) by fully qualified message name.
    static let messages = ProtobufSchema.messages

    /// Enum values by fully qualified enum name.
    static let enums = ProtobufSchema.enums

    /// The definition of `name` and of every message and enum it uses, each once, in order of use.
    static func definitions(of name: String) -> [String] {
        var seen: Set<String> = []
        var output: [String] = []
        func visit(_ name: String) {
            guard seen.insert(name).inserted else { return }
            if let values = enums[name] {
                output.append("enum \(name) {\n" + values.map { "  \($0)\n" }.joined() + "}")
                return
            }
            guard let fields = messages[name] else { return }
            output.append("message \(name) {\n" + fields.map { "  \($0)\n" }.joined() + "}")
            let package = name.split(separator: ".").dropLast().joined(separator: ".")
            for field in fields {
                let type = field.split(separator: " ").first { $0 != "repeated" }.map(String.init) ?? ""
                for candidate in [type, "\(package).\(type)", "\(name).\(type)"] where messages[candidate] != nil || enums[candidate] != nil {
                    visit(candidate)
                    break
                }
            }
        }
        visit(name)
        return output
    }
}
