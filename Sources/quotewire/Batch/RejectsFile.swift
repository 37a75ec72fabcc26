import QuotewireModel

/// `--rejects FILE`: one JSON line per failed article, its Article fields (so
/// the file can be fed back to `analyze` once fixed) with `origin` and `error`.
struct RejectsFile {
    private let file: FileWriter

    init(path: String, append: Bool) throws(CommandFailure) {
        file = try FileWriter.open(path, append: append)
    }

    func add(_ entry: BatchEntry, error: String) throws(CommandFailure) {
        var members: [(key: String, value: JSONValue)] = []
        if let article = entry.article, case .object(let fields) = article.protobufJSON {
            members = fields
        }
        members.append(("origin", .string(entry.origin)))
        members.append(("error", .string(error)))
        try file.write(Array((JSONValue.object(members).serialized() + "\n").utf8))
    }

    func close() { file.close() }
}
