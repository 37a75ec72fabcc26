import Testing
@testable import QuotewireModel

/// `protobufBytes()` sizes its buffer with a bound accumulated while filling
/// the C structs instead of `protobuf_c_message_get_packed_size`. A bound
/// below the packed size would be a heap overflow, so random values of every
/// message type check it, and that the bytes equal the exact-size path's.
@Suite struct PackedSizeBoundTests {
    /// Random values with a bias towards the edges: empty, varint boundaries,
    /// negative numbers and enum values, long strings and repeated fields.
    struct Generator {
        var random: RandomInputTests.SplitMix

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        mutating func chance(_ oneIn: Int) -> Bool { int(1...oneIn) == 1 }

        mutating func count() -> Int {
            switch int(0...19) {
            case 0...5: 0
            case 6...15: int(1...5)
            case 16...18: int(6...40)
            default: int(128...200)
            }
        }

        mutating func string() -> String {
            let length: Int
            switch int(0...11) {
            case 0...2: return ""
            case 3...6: length = int(1...20)
            case 7: length = [126, 127, 128, 129, 255, 256][int(0...5)]
            case 8: length = int(16_380...16_390)
            case 9: length = int(1_000...5_000)
            case 10: length = int(200...600)
            default: length = int(20...100)
            }
            // A random piece of mixed-width scalars, repeated, then padded with
            // ASCII to exactly `length` bytes (varint boundaries are exact).
            let alphabet: [Unicode.Scalar] = ["a", "Z", " ", "\"", "é", "“", "”", "€", "𝄞", "\u{7F}", "\u{1}", "中"]
            var piece = String.UnicodeScalarView()
            for _ in 0..<int(1...8) { piece.append(alphabet[int(0...alphabet.count - 1)]) }
            let unit = String(piece)
            let repeats = length / unit.utf8.count
            let body = String(repeating: unit, count: repeats)
            return body + String(repeating: "a", count: length - body.utf8.count)
        }

        mutating func bytes() -> [UInt8] {
            let length = chance(3) ? 0 : (chance(10) ? int(16_000...70_000) : int(1...300))
            var bytes = [UInt8](repeating: UInt8.random(in: 0...255, using: &random), count: length)
            for _ in 0..<min(length, 16) { bytes[int(0...length - 1)] = UInt8.random(in: 0...255, using: &random) }
            return bytes
        }

        mutating func uint32() -> UInt32 {
            switch int(0...4) {
            case 0: 0
            case 1: .max
            case 2: UInt32(int(1...127))
            default: UInt32.random(in: 0...UInt32.max, using: &random)
            }
        }

        /// Zero, the extremes, -1 (10 bytes as a varint) or anything.
        mutating func signed<T: FixedWidthInteger & SignedInteger>() -> T {
            switch int(0...4) {
            case 0: 0
            case 1: .min
            case 2: -1
            case 3: .max
            default: T.random(in: T.min...T.max, using: &random)
            }
        }

        mutating func int32() -> Int32 { signed() }

        mutating func int64() -> Int64 { signed() }

        mutating func float() -> Float {
            chance(3) ? 0 : [Float.greatestFiniteMagnitude, -1, .nan, .infinity, 0.5][int(0...4)]
        }

        mutating func kind<E: ProtobufEnum>(_: E.Type) -> E {
            if chance(3) { return E.unrecognized(int32()) }
            return E.cases[int(0...E.cases.count - 1)].case
        }

        mutating func optional<T>(_ make: (inout Generator) -> T) -> T? {
            chance(3) ? nil : make(&self)
        }

        mutating func array<T>(_ make: (inout Generator) -> T) -> [T] {
            (0..<count()).map { _ in make(&self) }
        }

        mutating func span() -> Span { Span(start: uint32(), end: uint32()) }
        mutating func timestamp() -> Timestamp { Timestamp(seconds: int64(), nanos: int32()) }
        mutating func article() -> Article {
            Article(
                id: string(), url: string(), source: string(), title: string(), body: string(), language: string(),
                publishedAt: optional { $0.timestamp() })
        }
        mutating func actor() -> Actor {
            Actor(
                id: string(), name: string(), title: string(), affiliation: string(), kind: kind(ActorKind.self),
                mentions: array { $0.span() })
        }
        mutating func quote() -> Quote {
            Quote(
                id: string(), kind: kind(QuoteKind.self), text: string(), span: optional { $0.span() },
                speakerID: string(), speakerSpan: optional { $0.span() }, cue: string(),
                cueSpan: optional { $0.span() }, confidence: float())
        }
        mutating func demand() -> Demand {
            Demand(
                id: string(), demanderID: string(), addresseeID: string(), action: string(),
                actionSpan: optional { $0.span() }, cue: string(), cueSpan: optional { $0.span() },
                quoteID: string(), confidence: float(), demanderSpan: optional { $0.span() },
                addresseeSpan: optional { $0.span() })
        }
        mutating func options() -> AnalyzeOptions {
            AnalyzeOptions(offsetUnit: kind(OffsetUnit.self), minConfidence: float(), skipDemands: chance(2))
        }
        mutating func stats() -> AnalysisStats {
            AnalysisStats(
                paragraphs: uint32(), sentences: uint32(), tokens: uint32(), bodyBytes: uint32(),
                analysisNanos: int64())
        }
        mutating func response() -> AnalyzeResponse {
            AnalyzeResponse(
                articleID: string(), actors: array { $0.actor() }, quotes: array { $0.quote() },
                demands: array { $0.demand() }, stats: optional { $0.stats() })
        }
        mutating func serviceInfo() -> ServiceInfo { ServiceInfo(name: string(), methods: array { $0.string() }) }
        mutating func limits() -> ServerLimits {
            ServerLimits(
                maxFrameBytes: uint32(), maxConnections: uint32(), maxStreamsPerConnection: uint32(),
                idleTimeoutMillis: int64(), shutdownGraceMillis: int64())
        }
        mutating func keyValue() -> KeyValue { KeyValue(key: string(), value: string()) }
        mutating func any() -> AnyMessage { AnyMessage(typeURL: string(), value: bytes()) }
        mutating func status() -> RPCStatus { RPCStatus(code: int32(), message: string(), details: array { $0.any() }) }

        /// One random value of every message type.
        mutating func everyType() -> [any ProtobufCBridged] {
            [
                article(), span(), actor(), quote(), demand(), options(),
                AnalyzeRequest(article: optional { $0.article() }, options: optional { $0.options() }),
                stats(), chance(4) ? response() : AnalyzeResponse(articleID: string(), quotes: [quote()]),
                PingRequest(payload: bytes()), PingResponse(payload: bytes()), InfoRequest(), serviceInfo(), limits(),
                InfoResponse(version: string(), services: array { $0.serviceInfo() }, limits: optional { $0.limits() }),
                TTRPCRequest(
                    service: string(), method: string(), payload: bytes(), timeoutNano: int64(),
                    metadata: array { $0.keyValue() }),
                TTRPCResponse(status: optional { $0.status() }, payload: bytes()),
                keyValue(), status(), any(), timestamp(),
                HealthCheckRequest(service: string()),
                HealthCheckResponse(status: kind(HealthCheckResponse.ServingStatus.self)),
            ]
        }
    }

    func check(_ value: some ProtobufCBridged) throws {
        let check = try value.packedSizeCheck()
        let bound = try #require(check.bound, "\(type(of: value)) has no packed size bound")
        #expect(check.exact <= bound, "\(type(of: value)): packed \(check.exact) bytes > bound \(bound)")
        let bytes = try value.protobufBytes()
        #expect(bytes == check.exactPathBytes, "\(type(of: value)): bytes differ from the exact-size path")
    }

    @Test func boundHoldsForRandomValuesOfEveryMessageType() throws {
        var generator = Generator(random: .init(state: 20_261_201))
        for _ in 0..<150 {
            for value in generator.everyType() {
                try check(value)
            }
        }
    }

    @Test func boundHoldsForEmptyValues() throws {
        let empties: [any ProtobufCBridged] = [
            Article(), Span(), Actor(), Quote(), Demand(), AnalyzeOptions(), AnalyzeRequest(), AnalysisStats(),
            AnalyzeResponse(), PingRequest(), PingResponse(), InfoRequest(), ServiceInfo(), ServerLimits(),
            InfoResponse(), TTRPCRequest(), TTRPCResponse(), KeyValue(), RPCStatus(), AnyMessage(), Timestamp(),
            HealthCheckRequest(), HealthCheckResponse(),
        ]
        for value in empties {
            try check(value)
        }
    }

    @Test func boundHoldsForEveryFieldAtItsLargest() throws {
        let huge = String(repeating: "ü", count: 40_000)
        let span = Span(start: .max, end: .max)
        let quote = Quote(
            id: huge, kind: .unrecognized(.min), text: huge, span: span, speakerID: huge, speakerSpan: span, cue: huge,
            cueSpan: span, confidence: .greatestFiniteMagnitude)
        let demand = Demand(
            id: huge, demanderID: huge, addresseeID: huge, action: huge, actionSpan: span, cue: huge, cueSpan: span,
            quoteID: huge, confidence: -1, demanderSpan: span, addresseeSpan: span)
        let actor = Actor(
            id: huge, name: huge, title: huge, affiliation: huge, kind: .unrecognized(-1),
            mentions: Array(repeating: span, count: 1_000))
        try check(
            AnalyzeResponse(
                articleID: huge, actors: Array(repeating: actor, count: 3), quotes: Array(repeating: quote, count: 20),
                demands: [demand, demand],
                stats: AnalysisStats(paragraphs: .max, sentences: .max, tokens: .max, bodyBytes: .max, analysisNanos: .min)))
        try check(
            TTRPCRequest(
                service: huge, method: huge, payload: Array(repeating: 0xFF, count: 300_000), timeoutNano: .min,
                metadata: Array(repeating: KeyValue(key: "", value: ""), count: 500)))
        try check(ServiceInfo(name: "", methods: Array(repeating: "", count: 1_000)))
        // Lengths around 2^21, where a length prefix grows to four bytes.
        for length in 2_097_150...2_097_153 {
            try check(Article(body: String(repeating: "a", count: length)))
        }
        try check(RPCStatus(code: .min, message: huge, details: Array(repeating: AnyMessage(), count: 300)))
        try check(Timestamp(seconds: .min, nanos: .min))
    }
}
