#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QuotewireModel

/// Where the answers go (standard output or `--output FILE`) in the chosen
/// format. Answers collect in a byte buffer that is written in large blocks,
/// always at article boundaries, so a killed run leaves whole answers behind
/// (up to one cut-off line, which `--resume` drops).
final class BatchOutput {
    let format: OutputFormat
    /// Ids answered by an earlier run (`--resume`); they are skipped.
    let answered: Set<String>
    private let file: FileWriter
    private var buffer = JSONBytes()
    private var jsonItems: [JSONValue] = []
    private var written = 0
    private let formatter = ResponseFormatter()
    /// Answers are written in blocks of this many bytes: 1 MiB, or `QUOTEWIRE_OUTPUT_BLOCK_BYTES`.
    private let blockBytes = getenv("QUOTEWIRE_OUTPUT_BLOCK_BYTES").flatMap { Int(String(cString: $0)) }.map { max(1, $0) } ?? 1 << 20

    private init(format: OutputFormat, file: FileWriter, answered: Set<String>) {
        self.format = format
        self.file = file
        self.answered = answered
    }

    /// Standard output, or `path`: emptied, or with `resume` cut back to its
    /// last complete answer and appended to.
    static func open(path: String?, format: OutputFormat, resume: Bool) throws(CommandFailure) -> BatchOutput {
        var point = ResumePoint()
        guard let path else {
            let output = BatchOutput(format: format, file: .standardOutput, answered: [])
            output.startCSV(at: point)
            return output
        }
        if resume {
            point = try ResumePoint.scan(path, format: format)
            if truncate(path, off_t(point.keptBytes)) != 0, errno != ENOENT {
                throw CommandFailure(message: "\(path): cannot cut back for --resume: \(String(cString: strerror(errno)))", status: ExitStatus.ioError)
            }
        }
        let output = BatchOutput(format: format, file: try FileWriter.open(path, append: resume), answered: point.answered)
        output.written = point.answered.count
        output.startCSV(at: point)
        return output
    }

    /// A CSV output starts with its header unless it continues a file that has one.
    private func startCSV(at point: ResumePoint) {
        if format == .csv, point.keptBytes == 0 { buffer.bytes.append(contentsOf: CSVRows.header.utf8) }
    }

    /// Adds the answer for one article.
    func add(_ response: AnalyzeResponse, label: String) throws(CommandFailure) {
        switch format {
        case .jsonl:
            response.writeJSON(to: &buffer)
            buffer.byte(0x0A)
        case .csv:
            CSVRows.write(response, to: &buffer.bytes)
        case .text:
            if written > 0 { buffer.byte(0x0A) }
            buffer.bytes.append(contentsOf: formatter.format(response, source: label).utf8)
            buffer.byte(0x0A)
        case .json:
            jsonItems.append(response.protobufJSON)
        }
        written += 1
        if buffer.bytes.count >= blockBytes { try flush() }
    }

    /// Writes what is buffered (and, for `--format json`, the array).
    func finish() throws(CommandFailure) {
        if format == .json { buffer.bytes.append(contentsOf: (JSONValue.array(jsonItems).serialized(pretty: true) + "\n").utf8) }
        try flush()
        file.close()
    }

    private func flush() throws(CommandFailure) {
        try file.write(buffer.bytes)
        buffer.bytes.removeAll(keepingCapacity: true)
    }
}
