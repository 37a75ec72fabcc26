#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import NIOCore
import QuotewireModel
import Synchronization

@testable import QuotewireRPC

/// A blocking TCP socket to 127.0.0.1, for clients that misbehave in ways a
/// NIO channel would not let them (never reading, trickling bytes, closing
/// mid-frame). Not thread-safe except that one thread may send while another
/// closes.
final class PosixSocket: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let call: String
        let code: Int32
        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    let descriptor: Int32

    /// Connects; `receiveBuffer` shrinks SO_RCVBUF first (a client that
    /// reads little).
    init(port: Int, receiveBuffer: Int? = nil) throws {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(call: "socket", code: errno) }
        if var size = receiveBuffer.map(Int32.init) {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw Failure(call: "connect", code: code)
        }
        self.descriptor = descriptor
    }

    /// Sends every byte (blocking); throws once the peer has gone.
    func sendBlocking(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(self.descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                throw Failure(call: "send", code: errno)
            }
            offset += sent
        }
    }

    /// Receives up to `count` bytes, waiting at most `timeout`; empty at EOF;
    /// throws on timeout or error.
    func receive(upTo count: Int = 65536, timeout: Duration = .seconds(10)) throws -> [UInt8] {
        var poller = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
        let millis = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&poller, 1, millis)
        guard ready > 0 else { throw Failure(call: "poll (timed out)", code: ready == 0 ? ETIMEDOUT : errno) }
        var buffer = [UInt8](repeating: 0, count: count)
        let received = buffer.withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
        guard received >= 0 else { throw Failure(call: "recv", code: errno) }
        return Array(buffer[..<received])
    }

    /// Reads `count` whole frames (or fewer if the server closes first).
    func receiveFramesBlocking(
        _ count: Int, timeout: Duration = .seconds(10)
    ) throws -> [(header: FrameHeader, payload: [UInt8])] {
        var pending: [UInt8] = []
        var frames: [(header: FrameHeader, payload: [UInt8])] = []
        while frames.count < count {
            while pending.count >= FrameHeader.size {
                var buffer = ByteBuffer(bytes: pending.prefix(FrameHeader.size))
                guard let header = buffer.peekFrameHeader() else { break }
                let end = FrameHeader.size + Int(header.length)
                guard pending.count >= end else { break }
                frames.append((header, Array(pending[FrameHeader.size..<end])))
                pending.removeFirst(end)
                if frames.count == count { return frames }
            }
            let chunk = try self.receive(timeout: timeout)
            if chunk.isEmpty { return frames }
            pending += chunk
        }
        return frames
    }

    /// Whether the server closed the connection within `timeout`.
    func isClosedByPeerBlocking(within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let chunk = try? self.receive(timeout: .milliseconds(100)) else { continue }
            if chunk.isEmpty { return true }
        }
        return false
    }

    /// Sends every byte on a thread of its own (a blocking send must not
    /// hold one of the cooperative pool's few threads); throws once the peer has gone.
    func send(_ bytes: [UInt8]) async throws {
        try await offThePool { try self.sendBlocking(bytes) }
    }

    /// Reads `count` whole frames (or fewer if the server closes first), on a thread of its own.
    func receiveFrames(
        _ count: Int, timeout: Duration = .seconds(10)
    ) async throws -> [(header: FrameHeader, payload: [UInt8])] {
        try await offThePool { try self.receiveFramesBlocking(count, timeout: timeout) }
    }

    /// Whether the server closed the connection within `timeout`, waiting on a thread of its own.
    func isClosedByPeer(within timeout: Duration) async -> Bool {
        (try? await offThePool { self.isClosedByPeerBlocking(within: timeout) }) ?? false
    }

    func shutdownWrites() {
        shutdown(self.descriptor, Int32(SHUT_WR))
    }

    /// Shuts the connection down both ways; a send or receive blocked on another thread fails. Safe
    /// to call more than once: the descriptor itself is released only in `deinit`, when no thread can
    /// still use it, so its number is never reused by another test's socket while this one's calls
    /// (or a second `close()`) would still reach it.
    func close() {
        shutdown(self.descriptor, Int32(SHUT_RDWR))
    }

    deinit {
        Glibc.close(self.descriptor)
    }
}

/// Runs blocking `work` on a new thread and resumes with its result, so that
/// tests never block Swift's cooperative pool (two threads on this machine).
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

/// A ttrpc frame as bytes.
func frameBytes(streamID: UInt32, type: UInt8 = 1, flags: UInt8 = 0, payload: [UInt8]) -> [UInt8] {
    var buffer = ByteBuffer()
    buffer.writeMultipleIntegers(UInt32(payload.count), streamID, type, flags)
    buffer.writeBytes(payload)
    return Array(buffer: buffer)
}

/// Counts what a server observed, to check that calls are freed and input is bounded.
final class CountingObserver: ServerObserver {
    private let started = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let received = Atomic<Int>(0)
    private let opened = Atomic<Int>(0)
    private let closed = Atomic<Int>(0)

    var callsStarted: Int { self.started.load(ordering: .relaxed) }
    var callsFinished: Int { self.finished.load(ordering: .relaxed) }
    var bytesReceived: Int { self.received.load(ordering: .relaxed) }
    var connectionsOpened: Int { self.opened.load(ordering: .relaxed) }
    var connectionsClosed: Int { self.closed.load(ordering: .relaxed) }

    func callStarted(_ method: MethodDescriptor) { self.started.add(1, ordering: .relaxed) }
    func callFinished(_ method: MethodDescriptor, code: StatusCode, duration: Duration) {
        self.finished.add(1, ordering: .relaxed)
    }
    func bytesReceived(_ count: Int) { self.received.add(count, ordering: .relaxed) }
    func connectionOpened(peer: SocketAddress?) { self.opened.add(1, ordering: .relaxed) }
    func connectionClosed(peer: SocketAddress?) { self.closed.add(1, ordering: .relaxed) }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
func eventually(within timeout: Duration = .seconds(10), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}
