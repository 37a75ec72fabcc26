import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking TCP socket to 127.0.0.1 for clients that misbehave (pipeline
/// without reading, send half a request); every blocking call runs on a
/// thread of its own so that tests never hold the cooperative pool.
final class LoopbackSocket: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let descriptor: Int32

    init(port: Int) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw Failure(description: "cannot connect to port \(port)")
        }
        self.descriptor = descriptor
    }

    /// Sends every byte (fails once the peer has gone).
    func send(_ bytes: [UInt8]) async throws {
        try await onOwnThread {
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes {
                    Glibc.send(self.descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
                }
                guard sent > 0 else { throw Failure(description: "send failed: \(errno)") }
                offset += sent
            }
        }
    }

    /// Reads until the peer closes, `limit` bytes arrived or `timeout` passes; returns what was read
    /// and whether the peer closed.
    func readUntilClosed(timeout: Duration, limit: Int = .max) async throws -> (bytes: [UInt8], closed: Bool) {
        try await onOwnThread {
            let deadline = ContinuousClock.now + timeout
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while ContinuousClock.now < deadline, received.count < limit {
                let left = deadline - ContinuousClock.now
                var poller = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
                let millis = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                guard poll(&poller, 1, millis) > 0 else { continue }
                let count = recv(self.descriptor, &buffer, buffer.count, 0)
                if count <= 0 { return (received, true) }
                received += buffer[0..<count]
            }
            return (received, false)
        }
    }

    /// Shuts the connection down both ways (safe to call twice); the descriptor is released in `deinit`,
    /// so its number cannot be reused by another test's socket or pipe while this one still names it.
    func close() {
        shutdown(self.descriptor, Int32(SHUT_RDWR))
    }

    deinit {
        Glibc.close(self.descriptor)
    }
}

/// Runs blocking `work` on a new thread and resumes with its result.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.start()
    }
}
