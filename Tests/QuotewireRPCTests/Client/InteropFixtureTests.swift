import Foundation
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// Fixtures for scripts/interop-go.sh: with QUOTEWIRE_INTEROP_DIR set and
/// QUOTEWIRE_INTEROP_PHASE=write, our codec writes the requests the Go client
/// sends; with QUOTEWIRE_INTEROP_PHASE=check, our codec decodes and checks the
/// responses the Go client received from our server.
@Suite struct InteropFixtureTests {
    static let environment = ProcessInfo.processInfo.environment
    static let directory = environment["QUOTEWIRE_INTEROP_DIR"].map { URL(fileURLWithPath: $0) }
    static let phase = environment["QUOTEWIRE_INTEROP_PHASE"]
    static let article = Article(
        id: "interop-1", title: "Interop", body: "\"We will ship it,\" the spokeswoman said on Monday.")

    @Test(.enabled(if: directory != nil && phase == "write"))
    func writesInteropRequests() throws {
        let directory = try #require(Self.directory)
        try Data(AnalyzeRequest(article: Self.article).protobufBytes())
            .write(to: directory.appendingPathComponent("analyze.req"))
        try Data(PingRequest(payload: Array("interop ping".utf8)).protobufBytes())
            .write(to: directory.appendingPathComponent("ping.req"))
        try Data(HealthCheckRequest(service: "quotewire.v1.Analyzer").protobufBytes())
            .write(to: directory.appendingPathComponent("health.req"))
    }

    @Test(.enabled(if: directory != nil && phase == "check"))
    func checksInteropResponses() throws {
        let directory = try #require(Self.directory)
        func read(_ name: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
        }
        #expect(try AnalyzeResponse(protobuf: read("analyze.resp")).articleID == Self.article.id)
        #expect(try PingResponse(protobuf: read("ping.resp")).payload == Array("interop ping".utf8))
        #expect(try HealthCheckResponse(protobuf: read("health.resp")).status == .serving)
    }
}
