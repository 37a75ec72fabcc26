import Testing
@testable import QuotewireModel

/// Random and mutated bytes through every decoder: each returns a value or a
/// CodecError; none crashes.
@Suite struct RandomInputTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let decoders: [(String, @Sendable ([UInt8]) throws(CodecError) -> Void)] = [
        ("Article", { bytes throws(CodecError) in _ = try Article(protobuf: bytes) }),
        ("Span", { bytes throws(CodecError) in _ = try Span(protobuf: bytes) }),
        ("Actor", { bytes throws(CodecError) in _ = try Actor(protobuf: bytes) }),
        ("Quote", { bytes throws(CodecError) in _ = try Quote(protobuf: bytes) }),
        ("Demand", { bytes throws(CodecError) in _ = try Demand(protobuf: bytes) }),
        ("AnalyzeOptions", { bytes throws(CodecError) in _ = try AnalyzeOptions(protobuf: bytes) }),
        ("AnalyzeRequest", { bytes throws(CodecError) in _ = try AnalyzeRequest(protobuf: bytes) }),
        ("AnalyzeResponse", { bytes throws(CodecError) in _ = try AnalyzeResponse(protobuf: bytes) }),
        ("AnalysisStats", { bytes throws(CodecError) in _ = try AnalysisStats(protobuf: bytes) }),
        ("PingRequest", { bytes throws(CodecError) in _ = try PingRequest(protobuf: bytes) }),
        ("PingResponse", { bytes throws(CodecError) in _ = try PingResponse(protobuf: bytes) }),
        ("InfoRequest", { bytes throws(CodecError) in _ = try InfoRequest(protobuf: bytes) }),
        ("InfoResponse", { bytes throws(CodecError) in _ = try InfoResponse(protobuf: bytes) }),
        ("ServiceInfo", { bytes throws(CodecError) in _ = try ServiceInfo(protobuf: bytes) }),
        ("ServerLimits", { bytes throws(CodecError) in _ = try ServerLimits(protobuf: bytes) }),
        ("TTRPCRequest", { bytes throws(CodecError) in _ = try TTRPCRequest(protobuf: bytes) }),
        ("TTRPCResponse", { bytes throws(CodecError) in _ = try TTRPCResponse(protobuf: bytes) }),
        ("KeyValue", { bytes throws(CodecError) in _ = try KeyValue(protobuf: bytes) }),
        ("RPCStatus", { bytes throws(CodecError) in _ = try RPCStatus(protobuf: bytes) }),
        ("AnyMessage", { bytes throws(CodecError) in _ = try AnyMessage(protobuf: bytes) }),
        ("Timestamp", { bytes throws(CodecError) in _ = try Timestamp(protobuf: bytes) }),
        ("HealthCheckRequest", { bytes throws(CodecError) in _ = try HealthCheckRequest(protobuf: bytes) }),
        ("HealthCheckResponse", { bytes throws(CodecError) in _ = try HealthCheckResponse(protobuf: bytes) }),
    ]

    static let seeds: [[UInt8]] = {
        let messages: [any ProtobufMessage] = [
            Samples.request, Samples.response, Samples.info, Samples.ttrpcRequest, Samples.ttrpcResponse,
            Samples.actor, Samples.demand,
        ]
        return messages.compactMap { try? $0.protobufBytes() }
    }()

    func mutate(_ bytes: [UInt8], using random: inout SplitMix) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            case 1 where !bytes.isEmpty:
                bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &random)...)
            case 2:
                bytes.insert(UInt8.random(in: 0...255, using: &random), at: Int.random(in: 0...bytes.count, using: &random))
            case 3 where !bytes.isEmpty:
                bytes.remove(at: Int.random(in: 0..<bytes.count, using: &random))
            default:
                if !bytes.isEmpty {
                    let index = Int.random(in: 0..<bytes.count, using: &random)
                    bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
                }
            }
        }
        return bytes
    }

    @Test func tenThousandInputsPerDecoderNeverCrash() {
        var random = SplitMix(state: 20_261_130)
        var decodedCount = 0
        var errorCount = 0
        for round in 0..<10_000 {
            let input: [UInt8]
            if round % 2 == 0 {
                input = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                input = mutate(Self.seeds[round % Self.seeds.count], using: &random)
            }
            for (_, decode) in Self.decoders {
                do throws(CodecError) {
                    try decode(input)
                    decodedCount += 1
                } catch {
                    errorCount += 1
                }
            }
        }
        #expect(decodedCount + errorCount == 10_000 * Self.decoders.count)
        // Both outcomes occur: the inputs really exercise success and failure paths.
        #expect(decodedCount > 0)
        #expect(errorCount > 0)
    }

    @Test func deepNestingBeyondTheLimitIsMalformed() {
        // AnalyzeResponse.actors[0].mentions[0] nested 3 levels with a limit of 1.
        let span: [UInt8] = [0x08, 0x01]
        let actor: [UInt8] = [0x32, UInt8(span.count)] + span
        let response: [UInt8] = [0x12, UInt8(actor.count)] + actor
        #expect(throws: CodecError.self) {
            try AnalyzeResponse(protobuf: response, limits: DecodingLimits(maxDepth: 1))
        }
        #expect(throws: Never.self) { try AnalyzeResponse(protobuf: response) }
    }
}
