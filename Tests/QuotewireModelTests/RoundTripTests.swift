import Testing
@testable import QuotewireModel

/// Every message survives encode then decode through protobuf-c unchanged.
@Suite struct RoundTripTests {
    func roundTrip<M: ProtobufMessage>(_ message: M) throws -> M {
        try M(protobuf: message.protobufBytes())
    }

    @Test func analyzerMessagesWithNonASCIIText() throws {
        #expect(try roundTrip(Samples.article) == Samples.article)
        #expect(try roundTrip(Samples.span) == Samples.span)
        #expect(try roundTrip(Samples.actor) == Samples.actor)
        #expect(try roundTrip(Samples.quote) == Samples.quote)
        #expect(try roundTrip(Samples.demand) == Samples.demand)
        #expect(try roundTrip(Samples.options) == Samples.options)
        #expect(try roundTrip(Samples.request) == Samples.request)
        #expect(try roundTrip(Samples.response) == Samples.response)
        #expect(try roundTrip(Samples.info) == Samples.info)
        #expect(try roundTrip(AnalysisStats(paragraphs: 1, analysisNanos: -5)) == AnalysisStats(paragraphs: 1, analysisNanos: -5))
        #expect(try roundTrip(PingRequest(payload: Array(0...255))) == PingRequest(payload: Array(0...255)))
        #expect(try roundTrip(PingResponse(payload: [0, 0, 0])) == PingResponse(payload: [0, 0, 0]))
        #expect(try roundTrip(Samples.info.services[0]) == Samples.info.services[0])
        #expect(try roundTrip(Samples.info.limits!) == Samples.info.limits!)
        #expect(try roundTrip(Timestamp(seconds: -1, nanos: 999_999_999)) == Timestamp(seconds: -1, nanos: 999_999_999))
    }

    /// Decoded strings skip the stdlib's UTF-8 validation; they must still be
    /// flagged ASCII when they are, or the analysis takes slow index paths.
    @Test func decodedStringsKnowWhetherTheyAreASCII() throws {
        let ascii = String(repeating: "plain ASCII body text ", count: 50)
        let curly = String(repeating: "“curly” body text ", count: 50)
        let decoded = try roundTrip(Article(id: "a", title: ascii, body: curly))
        #expect(decoded.title == ascii && decoded.body == curly)
        let titleIsKnownASCII = decoded.title.utf8Span.isKnownASCII
        let bodyIsKnownASCII = decoded.body.utf8Span.isKnownASCII
        #expect(titleIsKnownASCII)
        #expect(!bodyIsKnownASCII)
    }

    @Test func envelopeAndHealthMessages() throws {
        #expect(try roundTrip(Samples.ttrpcRequest) == Samples.ttrpcRequest)
        #expect(try roundTrip(Samples.ttrpcResponse) == Samples.ttrpcResponse)
        #expect(try roundTrip(KeyValue(key: "κλειδί", value: "値")) == KeyValue(key: "κλειδί", value: "値"))
        #expect(try roundTrip(Samples.ttrpcResponse.status!) == Samples.ttrpcResponse.status!)
        #expect(try roundTrip(AnyMessage(typeURL: "t", value: [1])) == AnyMessage(typeURL: "t", value: [1]))
        #expect(try roundTrip(HealthCheckRequest(service: "quotewire.v1.Analyzer")) == HealthCheckRequest(service: "quotewire.v1.Analyzer"))
        for status in [HealthCheckResponse.ServingStatus.unknown, .serving, .notServing, .serviceUnknown] {
            #expect(try roundTrip(HealthCheckResponse(status: status)) == HealthCheckResponse(status: status))
        }
    }

    @Test func emptyMessagesEncodeToNoBytesAndDecodeToDefaults() throws {
        #expect(try Article().protobufBytes().isEmpty)
        #expect(try AnalyzeResponse().protobufBytes().isEmpty)
        #expect(try InfoRequest().protobufBytes().isEmpty)
        #expect(try Article(protobuf: []) == Article())
        #expect(try AnalyzeRequest(protobuf: []) == AnalyzeRequest())
        #expect(try TTRPCResponse(protobuf: []) == TTRPCResponse())
        #expect(try HealthCheckResponse(protobuf: []) == HealthCheckResponse(status: .unknown))
        #expect(try roundTrip(Quote()) == Quote())
        #expect(try roundTrip(Demand()) == Demand())
    }

    @Test func presenceOfSubMessagesIsKept() throws {
        let withEmptySpan = Quote(id: "q", span: Span())
        let decoded = try roundTrip(withEmptySpan)
        #expect(decoded.span == Span())
        #expect(decoded.speakerSpan == nil)
    }

    @Test func oneMebibyteBody() throws {
        let paragraph = "“Ça va,” dit-elle — 東京 😀 said the mayor.\n"
        var body = ""
        while body.utf8.count < 1 << 20 { body += paragraph }
        let request = AnalyzeRequest(article: Article(id: "big", body: body))
        let bytes = try request.protobufBytes()
        #expect(bytes.count > 1 << 20)
        let decoded = try AnalyzeRequest(protobuf: bytes)
        #expect(decoded.article?.body == body)
        #expect(decoded.article?.body.utf8.count == body.utf8.count)
    }

    @Test func unknownEnumValuesAreKept() throws {
        // Field 2 (kind) = 9, a value this version does not know.
        let quote = try Quote(protobuf: [0x10, 0x09])
        #expect(quote.kind == .unrecognized(9))
        #expect(try quote.protobufBytes() == [0x10, 0x09])
        #expect(QuoteKind.unrecognized(9).protobufValue == 9)
        #expect(QuoteKind(protobufName: "QUOTE_KIND_MIXED") == .mixed)
    }

    @Test func unknownFieldsAreSkipped() throws {
        // Field 99 (varint 1) before field 1 (id "x").
        let article = try Article(protobuf: [0x98, 0x06, 0x01, 0x0a, 0x01, 0x78])
        #expect(article == Article(id: "x"))
    }
}
