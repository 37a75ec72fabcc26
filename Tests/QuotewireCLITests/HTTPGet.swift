import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.0 GET over a loopback socket, enough to read /metrics
/// without pulling an HTTP client into the tests.
enum HTTPGet {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The body of `GET path` on 127.0.0.1:`port`.
    static func body(port: Int, path: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to port \(port)") }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { throw Failure(description: "send failed") }
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no HTTP response: \(text)") }
        guard text.hasPrefix("HTTP/1.0 200") || text.hasPrefix("HTTP/1.1 200") else {
            throw Failure(description: "HTTP status: \(text.prefix(40))")
        }
        return String(text[split.upperBound...])
    }
}
