import Foundation
import Testing
@testable import QuotewireModel

/// A second, independent protobuf implementation (Debian's `protoc`, C++)
/// agrees with ours in both directions. `scripts/test` installs protoc.
@Suite struct ProtocInteropTests {
    static let protoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("proto").path

    static let protoc: String? = ["/usr/bin/protoc", "/usr/local/bin/protoc"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs protoc with `arguments`, feeding `input` on stdin; returns stdout.
    func runProtoc(_ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        let protoc = try #require(Self.protoc, "protoc not found: run scripts/test, which installs protobuf-compiler")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: protoc)
        process.arguments = ["--proto_path=\(Self.protoRoot)"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let output = try stdout.fileHandleForReading.readToEnd() ?? Data()
        let errors = try stderr.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "protoc failed: \(String(decoding: errors, as: UTF8.self))")
        return [UInt8](output)
    }

    @Test func protocDecodesOurAnalyzeResponse() throws {
        let bytes = try Samples.response.protobufBytes()
        let text = String(
            decoding: try runProtoc(
                ["--decode=quotewire.v1.AnalyzeResponse", "quotewire/v1/analyzer.proto"], input: bytes),
            as: UTF8.self)
        #expect(text.contains(#"article_id: "art-42""#))
        #expect(text.contains("kind: QUOTE_KIND_DIRECT"))
        #expect(text.contains("kind: QUOTE_KIND_INDIRECT"))
        #expect(text.contains("kind: ACTOR_KIND_GOVERNMENT"))
        #expect(text.contains(#"speaker_id: "a1""#))
        #expect(text.contains("analysis_nanos: 12345678901"))
        #expect(text.contains("confidence: 0.875"))
        #expect(text.components(separatedBy: "quotes {").count - 1 == 2)
        #expect(text.components(separatedBy: "mentions {").count - 1 == 2)
    }

    @Test func weDecodeWhatProtocEncodes() throws {
        let textFormat = """
            article {
              id: "p-1"
              body: "“Ça ira,” said the mayor of 東京 😀."
              published_at { seconds: 1764537600 nanos: 5 }
            }
            options { offset_unit: OFFSET_UNIT_UNICODE_SCALAR min_confidence: 0.5 skip_demands: true }
            """
        let bytes = try runProtoc(
            ["--encode=quotewire.v1.AnalyzeRequest", "quotewire/v1/analyzer.proto"], input: Array(textFormat.utf8))
        let request = try AnalyzeRequest(protobuf: bytes)
        #expect(
            request
                == AnalyzeRequest(
                    article: Article(
                        id: "p-1", body: "“Ça ira,” said the mayor of 東京 😀.",
                        publishedAt: Timestamp(seconds: 1_764_537_600, nanos: 5)),
                    options: AnalyzeOptions(offsetUnit: .unicodeScalar, minConfidence: 0.5, skipDemands: true)))
        // And our encoding of the same value is byte-identical to protoc's.
        #expect(try request.protobufBytes() == bytes)
    }

    @Test func protocAndWeAgreeOnTheTTRPCEnvelope() throws {
        let textFormat = """
            status { code: 5 message: "service quotewire.v1.Nope" }
            payload: "\\001\\002"
            """
        let bytes = try runProtoc(["--encode=ttrpc.Response", "ttrpc/ttrpc.proto"], input: Array(textFormat.utf8))
        let response = try TTRPCResponse(protobuf: bytes)
        #expect(response == TTRPCResponse(status: RPCStatus(code: 5, message: "service quotewire.v1.Nope"), payload: [1, 2]))
        #expect(try response.protobufBytes() == bytes)

        let health = try runProtoc(
            ["--decode=grpc.health.v1.HealthCheckResponse", "grpc/health/v1/health.proto"],
            input: try HealthCheckResponse(status: .serviceUnknown).protobufBytes())
        #expect(String(decoding: health, as: UTF8.self).contains("status: SERVICE_UNKNOWN"))
    }
}
