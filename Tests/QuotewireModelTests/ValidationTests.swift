import Testing
@testable import QuotewireModel

/// What protobuf-c would accept silently is an error, naming the field.
@Suite struct ValidationTests {
    /// An AnalyzeRequest whose article.body holds `bodyBytes` as they are.
    func requestBytes(body bodyBytes: [UInt8]) -> [UInt8] {
        let article: [UInt8] = [0x0a, 0x01, 0x78, 0x2a, UInt8(bodyBytes.count)] + bodyBytes
        return [0x0a, UInt8(article.count)] + article
    }

    @Test func invalidUTF8InANestedStringIsNamed() {
        let bytes = requestBytes(body: [0x61, 0xff, 0x62])
        #expect(throws: CodecError.invalidUTF8(message: "quotewire.v1.AnalyzeRequest", field: "article.body")) {
            try AnalyzeRequest(protobuf: bytes)
        }
    }

    @Test func truncatedMultiByteSequenceIsInvalid() {
        // "é" is C3 A9; C3 alone is not UTF-8. Overlong "/" (C0 AF) neither.
        for body: [UInt8] in [[0x61, 0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80]] {
            #expect(throws: CodecError.invalidUTF8(message: "quotewire.v1.AnalyzeRequest", field: "article.body")) {
                try AnalyzeRequest(protobuf: requestBytes(body: body))
            }
        }
    }

    @Test func embeddedNULOnTheWireIsNamed() {
        let bytes = requestBytes(body: Array("a\u{0}b".utf8))
        let error = #expect(throws: CodecError.self) { try AnalyzeRequest(protobuf: bytes) }
        #expect(error == .embeddedNUL(message: "quotewire.v1.AnalyzeRequest", field: "article.body"))
        #expect(error?.field == "article.body")
    }

    @Test func nulInARepeatedMessageStringIsNamed() throws {
        // ttrpc.Request with metadata[0].value = "a\0".
        let keyValue: [UInt8] = [0x0a, 0x01, 0x6b, 0x12, 0x02, 0x61, 0x00]
        let bytes: [UInt8] = [0x2a, UInt8(keyValue.count)] + keyValue
        #expect(throws: CodecError.embeddedNUL(message: "ttrpc.Request", field: "metadata.value")) {
            try TTRPCRequest(protobuf: bytes)
        }
    }

    @Test func bytesFieldsMayHoldAnything() throws {
        let request = try PingRequest(protobuf: [0x0a, 0x03, 0x00, 0xff, 0x00])
        #expect(request.payload == [0x00, 0xff, 0x00])
    }

    @Test func encodingAStringWithNULIsAnErrorNotATruncation() {
        let article = Article(id: "ok", body: "before\u{0}after")
        #expect(throws: CodecError.embeddedNUL(message: "quotewire.v1.Article", field: "body")) {
            try article.protobufBytes()
        }
        let request = AnalyzeRequest(article: article)
        #expect(throws: CodecError.embeddedNUL(message: "quotewire.v1.AnalyzeRequest", field: "body")) {
            try request.protobufBytes()
        }
        let metadata = TTRPCRequest(metadata: [KeyValue(key: "k\u{0}", value: "v")])
        #expect(throws: CodecError.embeddedNUL(message: "ttrpc.Request", field: "key")) {
            try metadata.protobufBytes()
        }
        #expect(throws: CodecError.self) { try ServiceInfo(methods: ["A", "B\u{0}"]).protobufBytes() }
    }

    @Test func oversizedInputIsRefusedBeforeDecoding() {
        let bytes = [UInt8](repeating: 0, count: 2048)
        #expect(throws: CodecError.tooLarge(message: "quotewire.v1.Article", bytes: 2048, limit: 1024)) {
            try Article(protobuf: bytes, limits: DecodingLimits(maxBytes: 1024))
        }
    }

    @Test func malformedInputsAreErrors() {
        let cases: [[UInt8]] = [
            [0x0a],  // tag, no length
            [0x0a, 0x05, 0x61],  // length past the end
            [0x08],  // varint missing
            [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],  // overlong varint tag
            [0x80, 0x00],  // field number 0 (protobuf-c would accept it)
            [0x0b],  // start-group wire type
            [0x0f],  // wire type 7
            [0x2a, 0x02, 0x0a],  // metadata KeyValue truncated inside
        ]
        for bytes in cases {
            #expect(throws: CodecError.self, "\(bytes)") { try TTRPCRequest(protobuf: bytes) }
        }
    }

    @Test func wrongWireTypeForAKnownFieldIsMalformed() {
        // Field 1 (service, a string) sent as a varint.
        #expect(throws: CodecError.self) { try TTRPCRequest(protobuf: [0x08, 0x01]) }
    }

    @Test func errorsDescribeWhatWasWrong() {
        #expect(
            CodecError.invalidUTF8(message: "quotewire.v1.AnalyzeRequest", field: "article.body").description
                == "invalid UTF-8 in field article.body of quotewire.v1.AnalyzeRequest")
        #expect(CodecError.tooLarge(message: "m", bytes: 5, limit: 4).description.contains("exceeds the limit of 4"))
    }
}

/// The validator agrees with the standard library's UTF-8 decoding.
@Suite struct UTF8ValidationTests {
    func agreesWithStandardLibrary(_ bytes: [UInt8]) -> Bool {
        let ours = bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
        let standard = String(validating: bytes, as: UTF8.self) != nil
        return ours == standard
    }

    @Test func handWrittenCases() {
        let valid: [[UInt8]] = [
            [], Array("plain ASCII text longer than eight bytes".utf8), Array("“é” 東京 😀 مرحبا".utf8),
            [0xEF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
        ]
        let invalid: [[UInt8]] = [
            [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x80], Array("twelve bytes".utf8) + [0xFF],
        ]
        for bytes in valid { #expect(bytes.withUnsafeBytes { UTF8Validation.isValid($0) }, "\(bytes)") }
        for bytes in invalid { #expect(!bytes.withUnsafeBytes { UTF8Validation.isValid($0) }, "\(bytes)") }
    }

    @Test func randomBytesAgreeWithTheStandardLibrary() {
        var random = RandomInputTests.SplitMix(state: 7)
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x9F, 0x8F, 0x90]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            #expect(agreesWithStandardLibrary(bytes), "\(bytes)")
        }
    }

    /// Longer inputs, mostly ASCII, so that the 16- and 8-byte skips run and
    /// hand over to the byte-wise checks at every offset.
    @Test func longMostlyASCIIInputsAgreeWithTheStandardLibrary() {
        var random = RandomInputTests.SplitMix(state: 11)
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x9F, 0x8F, 0x90]
        let valid: [[UInt8]] = [Array("“".utf8), Array("é".utf8), Array("😀".utf8), Array("\u{D7FF}".utf8), Array("\u{10FFFF}".utf8)]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                bytes += [UInt8](repeating: 0x61, count: Int.random(in: 0...40, using: &random))
                if Bool.random(using: &random) {
                    bytes += valid[Int.random(in: 0..<valid.count, using: &random)]
                } else {
                    bytes += (0..<Int.random(in: 1...4, using: &random)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
                }
            }
            #expect(agreesWithStandardLibrary(bytes), "\(bytes)")
        }
    }
}
