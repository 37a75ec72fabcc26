#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole byte blocks to a file descriptor (retrying short writes), with
/// errors that name the destination.
struct FileWriter {
    let descriptor: Int32
    /// The path, or `standard output`, for messages.
    let name: String

    static let standardOutput = FileWriter(descriptor: 1, name: "standard output")

    /// Opens `path` for writing: emptied, or (`append`) kept with writes at its end.
    static func open(_ path: String, append: Bool) throws(CommandFailure) -> FileWriter {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let descriptor = Glibc.open(path, flags, 0o644)
        guard descriptor >= 0 else {
            throw CommandFailure(message: "\(path): cannot write: \(String(cString: strerror(errno)))", status: ExitStatus.cannotCreate)
        }
        return FileWriter(descriptor: descriptor, name: path)
    }

    func write(_ bytes: [UInt8]) throws(CommandFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw CommandFailure(message: "cannot write to \(name): \(String(cString: strerror(errno)))", status: ExitStatus.ioError)
            }
            offset += written
        }
    }

    func close() {
        if descriptor > 2 { _ = Glibc.close(descriptor) }
    }
}
