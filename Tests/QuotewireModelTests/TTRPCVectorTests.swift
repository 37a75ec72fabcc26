import Testing
@testable import QuotewireModel

/// The byte vectors of DESIGN.md, captured from the real Go ttrpc client.
@Suite struct TTRPCVectorTests {
    static func hex(_ string: String) -> [UInt8] {
        let digits = Array(string.filter { !$0.isWhitespace })
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
    }

    static let requestBody = hex("0a09") + Array("demo.Echo".utf8) + hex("1203") + Array("Say".utf8)
        + hex("1a04 0a026869 20 fec8bf960b 2a06 0a016b 120176")

    @Test func encodesTheGoClientRequestExactly() throws {
        let request = TTRPCRequest(
            service: "demo.Echo", method: "Say", payload: [0x0a, 0x02, 0x68, 0x69], timeoutNano: 2_999_968_894,
            metadata: [KeyValue(key: "k", value: "v")])
        #expect(try request.protobufBytes() == Self.requestBody)
        #expect(Self.requestBody.count == 0x24)
    }

    @Test func decodesTheGoClientRequest() throws {
        let request = try TTRPCRequest(protobuf: Self.requestBody)
        #expect(request.service == "demo.Echo")
        #expect(request.method == "Say")
        #expect(request.payload == Array("\u{0a}\u{02}hi".utf8))
        #expect(request.timeoutNano == 2_999_968_894)
        #expect(request.metadata == [KeyValue(key: "k", value: "v")])
    }

    @Test func okReplyRoundTrips() throws {
        let body = Self.hex("1208 0a06") + Array("raw:hi".utf8)
        let response = try TTRPCResponse(protobuf: body)
        #expect(response.status == nil)
        #expect(response.payload == Self.hex("0a06") + Array("raw:hi".utf8))
        #expect(try response.protobufBytes() == body)
    }

    @Test func unimplementedReplyRoundTrips() throws {
        let body = Self.hex("0a0f 080c 120b") + Array("method Nope".utf8)
        let response = try TTRPCResponse(protobuf: body)
        #expect(response.status == RPCStatus(code: 12, message: "method Nope"))
        #expect(try response.protobufBytes() == body)
    }
}
