import NIOCore
import NIOEmbedded
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// A server that refuses a connection (a TLS port, a user it does not allow) answers the connection's
/// first request and closes. On a busy machine that first request can be the keepalive probe: the
/// calls that follow must still be told the refusal, not "connection closed".
@Suite struct ProbeRefusalTests {
    private static let refusal = RPCError(code: .failedPrecondition, message: "this port speaks TLS")

    /// A client handler on an embedded channel whose first frame out is its keepalive probe (a probe
    /// is due after 1 ms without a read; the loop is ticked until it goes).
    private static func channelWithProbeSent() throws -> (EmbeddedChannel, ClientHandler, probeStream: UInt32) {
        let channel = EmbeddedChannel()
        let handler = ClientHandler(keepalive: Keepalive(interval: .milliseconds(1), timeout: .seconds(600)), peer: "peer")
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        var written: ByteBuffer?
        while written == nil {
            channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
            written = try channel.readOutbound(as: ByteBuffer.self)
        }
        let header = try #require(written?.getInteger(at: 4, as: UInt32.self))
        return (channel, handler, header)
    }

    private static func answer(_ streamID: UInt32, with status: RPCStatus?, on channel: EmbeddedChannel) throws {
        let body = try TTRPCResponse(status: status).protobufBytes()
        try channel.writeInbound(InboundFrame.frame(Frame(streamID: streamID, type: .response, payload: ByteBuffer(bytes: body))))
    }

    private static func unary(on channel: EmbeddedChannel, _ handler: ClientHandler) -> EventLoopFuture<ByteBuffer> {
        let promise = channel.eventLoop.makePromise(of: ByteBuffer.self)
        handler.startUnary(requestBody: ByteBuffer(bytes: [0x0a, 0x01, 0x71]), deadline: nil, promise: promise)
        return promise.futureResult
    }

    private static func error(of future: EventLoopFuture<ByteBuffer>) throws -> RPCError? {
        do {
            _ = try future.wait()
            return nil
        } catch {
            return error as? RPCError
        }
    }

    @Test func callsAfterARefusedFirstProbeGetTheRefusal() throws {
        let (channel, handler, probe) = try Self.channelWithProbeSent()
        #expect(probe == 1)
        let waiting = Self.unary(on: channel, handler)
        try Self.answer(probe, with: RPCStatus(code: Self.refusal.code.rawValue, message: Self.refusal.message), on: channel)
        try channel.close().wait()
        #expect(try Self.error(of: waiting) == Self.refusal)
        #expect(try Self.error(of: Self.unary(on: channel, handler)) == Self.refusal)
    }

    @Test func aRefusalIsForgottenOnceTheServerSpeaksAgain() throws {
        let (channel, handler, probe) = try Self.channelWithProbeSent()
        let waiting = Self.unary(on: channel, handler)
        try Self.answer(probe, with: RPCStatus(code: Self.refusal.code.rawValue, message: Self.refusal.message), on: channel)
        try Self.answer(3, with: nil, on: channel)  // the call's answer: the server took it
        #expect(try Self.error(of: waiting) == nil)
        let later = Self.unary(on: channel, handler)
        try channel.close().wait()
        let error = try Self.error(of: later)
        #expect(error?.code == .unavailable)
        #expect(error?.message == "the connection to peer closed")
    }
}
