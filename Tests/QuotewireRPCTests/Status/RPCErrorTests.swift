import QuotewireModel
import Testing

@testable import QuotewireRPC

@Suite struct RPCErrorTests {
    struct Opaque: Error {}

    @Test(
        "Maps what handlers throw to one status",
        arguments: [
            (RPCError(code: .notFound, message: "x") as any Error, StatusCode.notFound),
            (AnalyzeError.missingArticle, .invalidArgument),
            (AnalyzeError.unsupportedOption("y"), .invalidArgument),
            (AnalyzeError.unsupportedLanguage("de"), .invalidArgument),
            (AnalyzeError.bodyTooLarge(bytes: 2, limit: 1), .resourceExhausted),
            (CodecError.invalidUTF8(message: "m", field: "article.body"), .invalidArgument),
            (CodecError.embeddedNUL(message: "m", field: "article.title"), .invalidArgument),
            (CodecError.malformed(message: "m", reason: "r"), .invalidArgument),
            (CodecError.tooLarge(message: "m", bytes: 2, limit: 1), .resourceExhausted),
            (CancellationError(), .cancelled),
            (Opaque(), .unknown),
        ] as [(any Error, StatusCode)])
    func mapsErrors(error: any Error, code: StatusCode) {
        #expect(RPCError(mapping: error).code == code)
    }

    @Test func codecErrorsNameTheField() {
        let error = RPCError(mapping: CodecError.invalidUTF8(message: "quotewire.v1.AnalyzeRequest", field: "article.body"))
        #expect(error.message.contains("article.body"))
    }

    @Test func statusCodesHaveGRPCNames() {
        #expect(StatusCode.ok.description == "OK")
        #expect(StatusCode.unimplemented.description == "UNIMPLEMENTED")
        #expect(StatusCode.unauthenticated.rawValue == 16)
        #expect(StatusCode(rawValue: 99).description == "CODE(99)")
        #expect(RPCError(status: RPCStatus(code: 12, message: "method Nope")) == RPCError(code: .unimplemented, message: "method Nope"))
    }
}
