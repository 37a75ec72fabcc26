import Foundation
import QuotewireModel

/// What an earlier, possibly killed, run left in an output file: the ids of
/// the articles it answered, and the length to cut the file to so that it ends
/// with a complete answer (a JSON line cut off, or the rows of the last
/// article in a CSV file, which may be incomplete, are dropped and redone).
struct ResumePoint {
    var answered: Set<String> = []
    var keptBytes = 0

    static func scan(_ path: String, format: OutputFormat) throws(CommandFailure) -> ResumePoint {
        guard FileManager.default.fileExists(atPath: path) else { return ResumePoint() }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure(message: "\(path): cannot read for --resume: \(error.localizedDescription)", status: ExitStatus.noInput)
        }
        switch format {
        case .jsonl: return try jsonLines(bytes, path: path)
        case .csv: return try csv(bytes, path: path)
        case .text, .json:
            throw CommandFailure(message: "--resume needs --format jsonl or csv", status: ExitStatus.usage)
        }
    }

    private static func jsonLines(_ bytes: [UInt8], path: String) throws(CommandFailure) -> ResumePoint {
        var point = ResumePoint()
        let parser = JSONParser()
        var start = 0
        var lineNumber = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lineNumber += 1
            let line = bytes[start..<newline]
            guard case .string(let id)? = (try? parser.parse(line))?["articleId"] else {
                throw CommandFailure(
                    message: "\(path):\(lineNumber): not an answer of quotewire analyze --format jsonl; cannot resume from this file",
                    status: ExitStatus.usage)
            }
            point.answered.insert(id)
            start = newline + 1
        }
        point.keptBytes = start
        return point
    }

    private static func csv(_ bytes: [UInt8], path: String) throws(CommandFailure) -> ResumePoint {
        var point = ResumePoint()
        let records = CSVRows.firstFields(of: bytes)
        guard let header = records.first else { return point }
        guard header.field == CSVRows.columns[0] else {
            throw CommandFailure(
                message: "\(path): not a CSV file of quotewire analyze (its header is not \(CSVRows.columns.joined(separator: ",")))",
                status: ExitStatus.usage)
        }
        let rows = records.dropFirst()
        var cut = rows.endIndex
        if (rows.last?.end ?? header.end) == bytes.count {
            // The file ends with a complete row, but maybe not with the last row of its
            // article: cut all of that article's rows and redo it.
            while cut > rows.startIndex, rows[cut - 1].field == rows.last?.field { cut -= 1 }
        }
        point.keptBytes = cut < rows.endIndex ? rows[cut].offset : (rows.last?.end ?? header.end)
        for row in rows[..<cut] { point.answered.insert(row.field) }
        return point
    }
}
