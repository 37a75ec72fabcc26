import Foundation
import QuotewireModel
import Testing

@testable import QuotewireRPC

#if canImport(Glibc)
    import Glibc
#endif

/// The peer's uid/gid/pid on Unix sockets, and `allowedUnixUIDs`.
@Suite struct PeerCredentialsTests {
    static func socketPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("qw-\(UUID().uuidString.prefix(8)).sock").path
    }

    @Test func unixPeerCredentialsReachTheHandler() async throws {
        let path = Self.socketPath()
        try await withServer({ $0.bindTargets = [.unix(path: path)] }, registry: TLSTests.identityRegistry) { _, _ in
            try await withClient("unix:\(path)") { client in
                let identity = try await TLSTests.identity(client)
                #expect(identity == "-|-|\(getuid())/\(getgid())/\(getpid())")
            }
        }
    }

    @Test func otherUIDsAreRefusedWithPermissionDenied() async throws {
        let path = Self.socketPath()
        let other = getuid() == 0 ? UInt32(65534) : 0
        try await withServer({
            $0.bindTargets = [.unix(path: path)]
            $0.allowedUnixUIDs = [other]
        }) { _, _ in
            // No keepalive: on a busy machine its health probe could be the refused first request.
            try await withClient("unix:\(path)", configure: { $0.keepalive = nil }) { client in
                let error = await #expect(throws: RPCError.self) { try await client.ping() }
                #expect(error == RPCError(code: .permissionDenied, message: "uid \(getuid()) may not use this socket"))
            }
        }
        try await withServer({
            $0.bindTargets = [.unix(path: path)]
            $0.allowedUnixUIDs = [other, getuid()]
        }) { _, _ in
            try await withClient("unix:\(path)") { client in
                let answer = try await client.ping()
                #expect(answer == [])
            }
        }
    }
}
