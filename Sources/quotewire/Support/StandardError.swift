#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard error, unbuffered, so messages and progress interleave
/// correctly with standard output.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Whether standard error is a terminal (progress bars only then).
    static var isTerminal: Bool { isatty(2) != 0 }
}

/// Prints a line to standard error.
func printError(_ message: String) {
    StandardError.write(message + "\n")
}
