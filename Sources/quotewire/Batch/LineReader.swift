#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line in large chunks, for JSON Lines input
/// of any size (a line may be longer than a chunk).
final class LineReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// What a read error names: the path, or standard input.
    private let name: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private static let chunk = 1 << 20

    /// Lines read so far (the number of the line `nextLine` returned last).
    private(set) var lineNumber = 0

    init(descriptor: Int32, ownsDescriptor: Bool, name: String = "standard input") {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        self.name = name
    }

    /// A reader of standard input (left open when the reader goes).
    static func standardInput() -> LineReader {
        LineReader(descriptor: STDIN_FILENO, ownsDescriptor: false)
    }

    /// Opens `path` for reading.
    convenience init(path: String) throws(CommandFailure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CommandFailure(message: "\(path): cannot read: \(String(cString: strerror(errno)))", status: ExitStatus.noInput)
        }
        self.init(descriptor: descriptor, ownsDescriptor: true, name: path)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next line without its line break (a final line without one too); nil at the end.
    func nextLine() throws(CommandFailure) -> ArraySlice<UInt8>? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return line
            }
            let scanned = buffer.count - start
            try fill()
            searchFrom = start + scanned
        }
    }

    /// The first byte that is not white space, reading as much as needed (nil when there is none).
    func firstNonWhitespaceByte() throws(CommandFailure) -> UInt8? {
        var index = start
        while true {
            while index < buffer.count {
                let byte = buffer[index]
                if byte != 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09 { return byte }
                index += 1
            }
            if atEnd { return nil }
            let scanned = index - start
            try fill()
            index = start + scanned
        }
    }

    /// Everything not read yet.
    func readToEnd() throws(CommandFailure) -> [UInt8] {
        while !atEnd { try fill() }
        defer { start = buffer.count }
        return Array(buffer[start...])
    }

    /// Reads one more chunk, first dropping the bytes already returned.
    private func fill() throws(CommandFailure) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunk))
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + old, Self.chunk) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            buffer.removeLast(Self.chunk)
            throw CommandFailure(message: "\(name): cannot read: \(String(cString: strerror(errno)))", status: ExitStatus.noInput)
        }
        buffer.removeLast(Self.chunk - count)
        if count == 0 { atEnd = true }
    }
}
