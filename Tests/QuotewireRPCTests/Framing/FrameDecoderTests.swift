import NIOCore
import NIOEmbedded
import QuotewireModel
import Testing

@testable import QuotewireRPC

@Suite struct FrameDecoderTests {
    private func frameBytes(streamID: UInt32, payload: [UInt8], type: UInt8 = 1, flags: UInt8 = 0) -> [UInt8] {
        var buffer = ByteBuffer()
        buffer.writeMultipleIntegers(UInt32(payload.count), streamID, type, flags)
        buffer.writeBytes(payload)
        return Array(buffer: buffer)
    }

    private func makeChannel(limit: Int = 4 << 20) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maxPayloadBytes: limit)))
        return channel
    }

    @Test func decodesFrameSplitAcrossReads() throws {
        let channel = try self.makeChannel()
        let bytes = self.frameBytes(streamID: 7, payload: Array("hello".utf8), flags: 0x02)
        for byte in bytes {
            #expect(try channel.readInbound(as: InboundFrame.self) == nil)
            try channel.writeInbound(ByteBuffer(bytes: [byte]))
        }
        let frame = try #require(try channel.readInbound(as: InboundFrame.self))
        guard case .frame(let decoded) = frame else { Issue.record("expected a frame"); return }
        #expect(decoded.header == FrameHeader(length: 5, streamID: 7, type: .request, flags: .remoteOpen))
        #expect(Array(buffer: decoded.payload) == Array("hello".utf8))
        #expect(try channel.finish().isClean)
    }

    @Test func decodesManyFramesInOneRead() throws {
        let channel = try self.makeChannel()
        var bytes: [UInt8] = []
        for id in stride(from: UInt32(1), through: 99, by: 2) {
            bytes += self.frameBytes(streamID: id, payload: Array(repeating: UInt8(id), count: Int(id)))
        }
        try channel.writeInbound(ByteBuffer(bytes: bytes))
        for id in stride(from: UInt32(1), through: 99, by: 2) {
            guard case .frame(let frame) = try #require(try channel.readInbound(as: InboundFrame.self)) else {
                Issue.record("expected a frame")
                return
            }
            #expect(frame.header.streamID == id)
            #expect(frame.payload.readableBytes == Int(id))
        }
        #expect(try channel.finish().isClean)
    }

    @Test func decodesEmptyPayload() throws {
        let channel = try self.makeChannel()
        try channel.writeInbound(ByteBuffer(bytes: self.frameBytes(streamID: 1, payload: [], type: 3, flags: 0x05)))
        guard case .frame(let frame) = try #require(try channel.readInbound(as: InboundFrame.self)) else {
            Issue.record("expected a frame")
            return
        }
        #expect(frame.header.flags == [.remoteClosed, .noData])
        #expect(frame.payload.readableBytes == 0)
    }

    @Test func reportsOversizedFrameAndSkipsItsBodyAcrossReads() throws {
        let channel = try self.makeChannel(limit: 16)
        let big = self.frameBytes(streamID: 1, payload: Array(repeating: 0xAB, count: 100))
        let small = self.frameBytes(streamID: 3, payload: [1, 2, 3])
        let all = big + small
        // Header plus part of the body, then the rest of the body and the next frame.
        try channel.writeInbound(ByteBuffer(bytes: all[0..<30]))
        #expect(
            try channel.readInbound(as: InboundFrame.self)
                == .oversized(FrameHeader(length: 100, streamID: 1, type: .request), limit: 16))
        try channel.writeInbound(ByteBuffer(bytes: all[30..<70]))
        #expect(try channel.readInbound(as: InboundFrame.self) == nil)
        try channel.writeInbound(ByteBuffer(bytes: all[70...]))
        guard case .frame(let frame) = try #require(try channel.readInbound(as: InboundFrame.self)) else {
            Issue.record("expected a frame")
            return
        }
        #expect(frame.header.streamID == 3)
        #expect(Array(buffer: frame.payload) == [1, 2, 3])
        #expect(try channel.finish().isClean)
    }

    @Test func acceptsPayloadExactlyAtTheLimit() throws {
        let channel = try self.makeChannel(limit: 8)
        try channel.writeInbound(ByteBuffer(bytes: self.frameBytes(streamID: 1, payload: Array(repeating: 1, count: 8))))
        guard case .frame = try #require(try channel.readInbound(as: InboundFrame.self)) else {
            Issue.record("expected a frame")
            return
        }
    }

    @Test func encoderWritesHeaderThenPayload() throws {
        let buffer = FrameEncoder.makeBuffer(
            streamID: 1, type: .response, payload: hex("1208 0a06") + Array("raw:hi".utf8),
            allocator: ByteBufferAllocator())
        #expect(Array(buffer: buffer) == hex("0000000a 00000001 02 00 1208 0a06") + Array("raw:hi".utf8))
    }
}

@Suite struct OKResponseCodecTests {
    @Test("Matches the model codec", arguments: [0, 1, 127, 128, 300, 20_000])
    func matchesTheModelCodec(count: Int) throws {
        let payload = (0..<count).map { UInt8(truncatingIfNeeded: $0) }
        let frame = OKResponseCodec.makeFrame(streamID: 5, payload: payload, allocator: ByteBufferAllocator())
        let body = try TTRPCResponse(payload: payload).protobufBytes()
        var expected = ByteBuffer()
        expected.writeFrameHeader(FrameHeader(length: UInt32(body.count), streamID: 5, type: .response))
        expected.writeBytes(body)
        #expect(frame == expected)
        #expect(OKResponseCodec.bodySize(payloadCount: count) == body.count)
        #expect(OKResponseCodec.payload(ofOKResponse: ByteBuffer(bytes: body)).map { Array(buffer: $0) } == payload)
    }

    @Test("Reads only what the model codec reads as an OK response, with the same payload")
    func readsWhatTheCodecReads() throws {
        var generator = SystemRandomNumberGenerator()
        var bodies: [[UInt8]] = [
            try TTRPCResponse(status: RPCStatus(code: 5, message: "nope")).protobufBytes(),
            try TTRPCResponse(status: RPCStatus(code: 0, message: ""), payload: [1, 2, 3]).protobufBytes(),
            [0x12, 0x05, 1, 2],  // truncated payload
            [0x12, 0x01, 1, 0x12, 0x01, 2],  // two payload fields: the last one wins
            [0x12, 0x81, 0x00],  // non-minimal varint length 0
            [0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],  // length beyond any buffer
        ]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if !bytes.isEmpty, Bool.random(using: &generator) { bytes[0] = 0x12 }
            bodies.append(bytes)
        }
        for body in bodies {
            guard let fast = OKResponseCodec.payload(ofOKResponse: ByteBuffer(bytes: body)) else { continue }
            // Whatever the fast path accepts, the codec reads as OK with the same payload.
            let decoded = try #require(try? TTRPCResponse(protobuf: body), "fast path accepted \(body)")
            #expect(decoded.status == nil || decoded.status?.code == 0)
            #expect(decoded.payload == Array(buffer: fast), "\(body)")
        }
    }
}
