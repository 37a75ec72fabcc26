import Testing
@testable import QuotewireModel

/// The proto3 JSON mapping: lowerCamelCase names, enums by name, 64-bit
/// integers as strings, defaults written out.
@Suite struct JSONMappingTests {
    @Test func responseUsesProto3NamesAndTypes() {
        let json = Samples.response.protobufJSON
        #expect(json["articleId"] == .string("art-42"))
        guard case .array(let quotes)? = json["quotes"] else {
            Issue.record("quotes is not an array")
            return
        }
        #expect(quotes[0]["kind"] == .string("QUOTE_KIND_DIRECT"))
        #expect(quotes[0]["speakerId"] == .string("a1"))
        #expect(quotes[0]["speakerSpan"]?["start"] == .number("40"))
        #expect(quotes[0]["confidence"] == .number("0.875"))
        #expect(json["stats"]?["analysisNanos"] == .string("12345678901"))
        #expect(json["stats"]?["bodyBytes"] == .number("200"))
    }

    @Test func defaultValuesAreWrittenAbsentMessagesAreNot() {
        let json = Quote().protobufJSON
        #expect(json["id"] == .string(""))
        #expect(json["kind"] == .string("QUOTE_KIND_UNSPECIFIED"))
        #expect(json["confidence"] == .number("0"))
        #expect(json["span"] == nil)
        #expect(AnalyzeResponse().protobufJSON["quotes"] == .array([]))
        #expect(AnalyzeOptions().protobufJSON["skipDemands"] == .bool(false))
    }

    @Test func compactTextIsExact() {
        let text = Span(start: 1, end: 5).jsonString()
        #expect(text == #"{"start":1,"end":5}"#)
        let health = HealthCheckResponse(status: .notServing).jsonString()
        #expect(health == #"{"status":"NOT_SERVING"}"#)
        #expect(Actor(kind: .unrecognized(7)).protobufJSON["kind"] == .number("7"))
    }

    @Test func stringsAreEscaped() {
        let text = KeyValue(key: "a\"b\\c\n", value: "\u{1}é“”").jsonString()
        #expect(text == #"{"key":"a\"b\\c\n","value":"\u0001é“”"}"#)
    }

    @Test func bytesAreBase64() {
        #expect(PingRequest(payload: Array("hi!".utf8)).jsonString() == #"{"payload":"aGkh"}"#)
        #expect(PingRequest(payload: Array("hi".utf8)).jsonString() == #"{"payload":"aGk="}"#)
        #expect(PingRequest(payload: [0xff]).jsonString() == #"{"payload":"/w=="}"#)
        #expect(PingRequest().jsonString() == #"{"payload":""}"#)
    }

    @Test func timestampsAreRFC3339() {
        #expect(Timestamp(seconds: 0).rfc3339 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(seconds: 1_764_537_600, nanos: 250_000_000).rfc3339 == "2025-11-30T21:20:00.250Z")
        #expect(Timestamp(seconds: 951_782_400).rfc3339 == "2000-02-29T00:00:00Z")
        #expect(Timestamp(seconds: -1, nanos: 1).rfc3339 == "1969-12-31T23:59:59.000000001Z")
        #expect(Samples.article.protobufJSON["publishedAt"] == .string("2025-11-30T21:20:00.250Z"))
    }

    @Test func floatsOutsideJSONAreStrings() {
        #expect(JSONValue(float: .nan) == .string("NaN"))
        #expect(JSONValue(float: -.infinity) == .string("-Infinity"))
        #expect(JSONValue(float: 0.5) == .number("0.5"))
    }

    @Test func prettyOutputIsIndented() {
        let text = ServiceInfo(name: "s", methods: ["A"]).jsonString(pretty: true)
        #expect(text == "{\n  \"name\": \"s\",\n  \"methods\": [\n    \"A\"\n  ]\n}")
    }
}
