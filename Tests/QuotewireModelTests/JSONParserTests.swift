import Testing
@testable import QuotewireModel

/// The JSON parser and the proto3 JSON decoding of Article (JSON Lines input).
@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func parsesEveryKindOfValue() throws {
        let value = try parser.parse(Array(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#.utf8))
        #expect(value["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(value["b"] == .string("x\"\\/\né😀"))
        #expect(value["c"] == .object([]))
    }

    @Test func serializedValuesParseBackUnchanged() throws {
        let response = Samples.response.protobufJSON
        #expect(try parser.parse(Array(response.serialized().utf8)) == response)
        #expect(try parser.parse(Array(response.serialized(pretty: true).utf8)) == response)
    }

    @Test(arguments: [
        ("", "unexpected end of input"), ("{", "expected a member name"), (#"{"a" 1}"#, "expected ':'"),
        ("[1,]", "unexpected character"), ("01", "unexpected text after the JSON value"), (#""abc"#, "unterminated string"),
        ("\"a\u{01}\"", "control character"), (#""\x""#, "invalid escape"), (#""\ud800""#, "unpaired surrogate"),
        ("tru", "invalid literal"), ("{} {}", "unexpected text"), ("-", "invalid number"), ("1.", "invalid number"),
    ])
    func refusesMalformedText(text: String, reason: String) {
        #expect {
            _ = try parser.parse(Array(text.utf8))
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParseError.self) { _ = try parser.parse([0x22, 0xFF, 0x22]) }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect { _ = try parser.parse(Array(deep.utf8)) } throws: { "\($0)".contains("nested deeper than 64") }
    }

    @Test func articleFromProto3JSONKeepsMetadata() throws {
        let line = #"{"id":"a1","title":"T","url":"https://x.org","source":"Wire","publishedAt":"2026-11-30T21:20:00.5+01:00","language":"en","body":"Text.","extra":{"x":[1]}}"#
        let article = try Article(protobufJSON: parser.parse(Array(line.utf8)))
        #expect(article == Article(
            id: "a1", url: "https://x.org", source: "Wire", title: "T", body: "Text.", language: "en",
            publishedAt: Timestamp(seconds: 1_796_070_000, nanos: 500_000_000)))
        let aliases = try Article(protobufJSON: parser.parse(Array(#"{"published":"1970-01-02T00:00:00Z","published_at":null,"body":"b"}"#.utf8)))
        #expect(aliases.publishedAt == Timestamp(seconds: 86_400))
    }

    @Test func articleRoundTripsThroughItsJSON() throws {
        let article = Article(id: "x", url: "u", source: "s", title: "t", body: "“b”\n", language: "en-GB",
                              publishedAt: Timestamp(seconds: 1_700_000_000, nanos: 123_000_000))
        #expect(try Article(protobufJSON: parser.parse(Array(article.jsonString().utf8))) == article)
    }

    @Test(arguments: [
        (#"[1]"#, "an article must be a JSON object"), (#"{"body":5}"#, "field body: expected a string"),
        (#"{"title":"a\u0000b"}"#, "field title: contains U+0000"),
        (#"{"publishedAt":"yesterday"}"#, "field publishedAt: not an RFC 3339 time"),
        (#"{"published":"2026-13-01T00:00:00Z"}"#, "not an RFC 3339 time"),
    ])
    func articleFieldsOfTheWrongKindAreNamed(text: String, message: String) {
        #expect {
            _ = try Article(protobufJSON: parser.parse(Array(text.utf8)))
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func timestampsParseAsTheyAreWritten() {
        for seconds: Int64 in [0, 86_399, 951_782_400, 1_796_070_000, -1] {
            for nanos: Int32 in [0, 5_000_000, 123_456, 7] {
                let time = Timestamp(seconds: seconds, nanos: nanos)
                #expect(Timestamp(rfc3339: time.rfc3339) == time, "\(time.rfc3339)")
            }
        }
        #expect(Timestamp(rfc3339: "2026-11-30T21:20:00") == nil)
        #expect(Timestamp(rfc3339: "2026-11-30T21:20:00.1234567890Z") == nil)
    }

    @Test func englishIsEmptyOrAnEnglishTag() {
        for tag in ["", "en", "EN", "en-GB", "en_US"] { #expect(Article(language: tag).isEnglish, "\(tag)") }
        for tag in ["de", "fr-CA", "eng", "english"] { #expect(!Article(language: tag).isEnglish, "\(tag)") }
    }
}
