import NIOCore
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// Prepared calls sent on a direct connection (the load generator's path).
@Suite struct PreparedCallTests {
    @Test func aPreparedCallIsSentManyTimesWithItsMetadataAndDeadline() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)", configure: { $0.setBearerToken("t0k") }) { client in
                let request = try PingRequest(payload: Array("authorization".utf8)).protobufBytes()
                let call = try client.prepare(
                    service: "test.Service", method: "Metadata", payload: request, options: CallOptions(timeout: .seconds(5)))
                #expect(call.name == "test.Service/Metadata")
                let connection = try await client.directConnection()
                for _ in 0..<3 {
                    let payload = try await connection.send(call).get()
                    let response = try PingResponse(protobuf: Array(buffer: payload))
                    #expect(String(decoding: response.payload, as: UTF8.self) == "Bearer t0k;deadline")
                }
            }
        }
    }

    @Test func aFailedCallFailsItsFutureWithTheServersStatus() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                let call = try client.prepare(
                    service: "test.Service", method: "Fail", payload: try PingRequest(payload: [9]).protobufBytes())
                let connection = try await client.directConnection()
                let failure = await error(sending: call, on: connection)
                #expect(failure?.code == .failedPrecondition)
                #expect(failure?.message == "failed on purpose")
                #expect(connection.isActive)
                let unknown = try client.prepare(service: "test.Service", method: "Nope", payload: [])
                #expect(await error(sending: unknown, on: connection)?.code == .unimplemented)
            }
        }
    }

    @Test func theLocalDeadlineFailsASlowCall() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)") { client in
                // Sleep 2 s with a 100 ms timeout.
                let request = try PingRequest(payload: [0x07, 0xD0]).protobufBytes()
                let call = try client.prepare(
                    service: "test.Service", method: "Sleep", payload: request, options: CallOptions(timeout: .milliseconds(100)))
                let connection = try await client.directConnection()
                #expect(await error(sending: call, on: connection)?.code == .deadlineExceeded)
            }
        }
    }

    @Test func aZeroTimeoutIsRefusedWhenPrepared() async throws {
        let client = try TTRPCClient(target: "127.0.0.1:1")
        #expect(throws: RPCError.self) {
            _ = try client.prepare(service: "s", method: "m", payload: [], options: CallOptions(timeout: .zero))
        }
        await client.close()
    }

    @Test func directConnectionsSpreadOverThePoolsConnections() async throws {
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)", configure: { $0.connectionsPerEndpoint = 4 }) { client in
                // Taken at once, before any connection exists: each connection gets its share.
                let connections = try await withThrowingTaskGroup(of: DirectConnection.self) { group in
                    for _ in 0..<16 { group.addTask { try await client.directConnection() } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let byChannel = Dictionary(grouping: connections) { ObjectIdentifier($0.connection.channel) }
                #expect(byChannel.count == 4)
                #expect(byChannel.values.allSatisfy { $0.count == 4 })
            }
        }
    }

    /// The error a call failed with; nil (and a recorded issue) if it succeeded.
    private func error(sending call: PreparedCall, on connection: DirectConnection) async -> RPCError? {
        do {
            _ = try await connection.send(call).get()
            Issue.record("\(call.name) succeeded")
            return nil
        } catch {
            return error as? RPCError
        }
    }
}
