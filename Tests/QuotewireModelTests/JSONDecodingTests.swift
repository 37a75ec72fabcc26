import Testing
@testable import QuotewireModel

/// The generated proto3 JSON decoders: the rules `quotewire call` reads requests by.
@Suite struct JSONDecodingTests {
    let parser = JSONParser()

    func decode<M: ProtobufJSONDecodable>(_ type: M.Type, _ text: String, options: JSONDecodingOptions = .strict) throws -> M {
        try M(protobufJSON: parser.parse(Array(text.utf8)), options: options)
    }

    @Test func readsWhatTheEncoderWrites() throws {
        let text = Samples.response.jsonString()
        #expect(try decode(AnalyzeResponse.self, text) == Samples.response)
        #expect(try decode(AnalyzeRequest.self, Samples.request.jsonString()) == Samples.request)
    }

    @Test func acceptsBothNamesNullAndNumbersAsProto3Allows() throws {
        let options = try decode(
            AnalyzeOptions.self, #"{"offset_unit":2,"minConfidence":"0.25","skip_demands":null}"#)
        #expect(options == AnalyzeOptions(offsetUnit: .unicodeScalar, minConfidence: 0.25, skipDemands: false))
        let stats = try decode(AnalysisStats.self, #"{"analysisNanos":"-9007199254740993","bodyBytes":1e3,"tokens":"7"}"#)
        #expect(stats == AnalysisStats(tokens: 7, bodyBytes: 1000, analysisNanos: -9_007_199_254_740_993))
        #expect(try decode(Actor.self, #"{"kind":9}"#).kind == .unrecognized(9))
        #expect(try decode(Quote.self, #"{"confidence":"NaN"}"#).confidence.isNaN)
        #expect(try decode(Quote.self, #"{"span":null}"#).span == nil)
        // Bytes: standard or URL-safe base64, padded or not.
        #expect(try decode(PingRequest.self, #"{"payload":"/w=="}"#).payload == [0xff])
        #expect(try decode(PingRequest.self, #"{"payload":"_-8"}"#).payload == [0xff, 0xef])
        #expect(try decode(PingRequest.self, #"{"payload":"aGkh"}"#).payload == Array("hi!".utf8))
    }

    @Test(arguments: [
        (#"{"articel":{}}"#, "field articel: AnalyzeRequest has no such field (fields: article, options)"),
        (#"{"article":{"body":5}}"#, "field article.body: expected a string"),
        (#"{"article":{"bdy":""}}"#, "field article.bdy: Article has no such field"),
        (#"{"article":{"publishedAt":"soon"}}"#, #"field article.publishedAt: not an RFC 3339 time: "soon""#),
        (#"{"options":{"offsetUnit":"BYTES"}}"#, "field options.offsetUnit: no value named BYTES (values: OFFSET_UNIT_UTF8,"),
        (#"{"options":{"minConfidence":1e99}}"#, "field options.minConfidence: 1e99 is not a number that fits Float"),
        (#"{"options":{"skipDemands":"yes"}}"#, "field options.skipDemands: expected true or false"),
        (#"{"article":{"title":"a\u0000b"}}"#, "field article.title: contains U+0000"),
        (#"[]"#, "AnalyzeRequest must be a JSON object"),
    ])
    func errorsNameTheFieldFromTheTop(text: String, message: String) {
        #expect {
            _ = try decode(AnalyzeRequest.self, text)
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test(arguments: [
        (#"{"mentions":[{"start":1},{"start":-1}]}"#, "field mentions[1].start: -1 is not a whole number that fits UInt32"),
        (#"{"mentions":{}}"#, "field mentions: expected an array"),
        (#"{"kind":true}"#, "field kind: expected an enum value's name"),
    ])
    func repeatedAndRangeErrorsAreNamed(text: String, message: String) {
        #expect {
            _ = try decode(Actor.self, text)
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test func badBytesAndIntegersAreRefused() {
        #expect(throws: JSONMappingError.self) { _ = try decode(PingRequest.self, #"{"payload":"a"}"#) }
        #expect(throws: JSONMappingError.self) { _ = try decode(PingRequest.self, #"{"payload":"a*=="}"#) }
        #expect(throws: JSONMappingError.self) { _ = try decode(ServerLimits.self, #"{"maxConnections":1.5}"#) }
        #expect(throws: JSONMappingError.self) { _ = try decode(ServerLimits.self, #"{"idleTimeoutMillis":"9223372036854775808"}"#) }
        #expect(throws: JSONMappingError.self) { _ = try decode(ServiceInfo.self, #"{"methods":["A",null]}"#) }
    }

    @Test func unknownMembersAreSkippedOnlyWhenAsked() throws {
        let text = #"{"article":{"body":"b","extra":[1]},"more":true}"#
        #expect(throws: JSONMappingError.self) { _ = try decode(AnalyzeRequest.self, text) }
        let request = try decode(AnalyzeRequest.self, text, options: .ignoringUnknownFields)
        #expect(request.article?.body == "b")
    }

    @Test func theStatusEnvelopeReadsBackWithItsDetails() throws {
        let status = RPCStatus(code: 3, message: "bad", details: [AnyMessage(typeURL: "type.googleapis.com/x.Y", value: [1, 2])])
        let response = TTRPCResponse(status: status, payload: [9])
        #expect(try decode(TTRPCResponse.self, response.jsonString()) == response)
    }
}
