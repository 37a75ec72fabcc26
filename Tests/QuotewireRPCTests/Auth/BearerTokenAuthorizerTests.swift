import Foundation
import QuotewireModel
import Testing

@testable import QuotewireRPC

@Suite("Bearer tokens")
struct BearerTokenAuthorizerTests {
    static let authorizer = BearerTokenAuthorizer(tokens: ["s3cret-token", "other"])

    static func metadata(_ value: String?) -> Metadata {
        value.map { ["Authorization": $0] } ?? Metadata()
    }

    @Test("a token file skips blank lines, comments and surrounding whitespace")
    func parsesTokenFiles() {
        let file = TokenFile(parsing: "# deploy tokens\n\n  alpha  \r\nbeta\n\t# old: gamma\n")
        #expect(file.tokens == ["alpha", "beta"])
    }

    @Test("an empty, comment-only or missing token file is an error that names it")
    func rejectsUnusableFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty").path
        try Data("# nothing yet\n\n".utf8).write(to: URL(fileURLWithPath: empty))
        #expect(throws: TokenFile.LoadError.empty(path: empty)) { try TokenFile(contentsOf: empty) }
        let missing = folder.appendingPathComponent("missing").path
        #expect(throws: TokenFile.LoadError.unreadable(path: missing, errno: ENOENT)) {
            try TokenFile(contentsOf: missing)
        }
        let good = folder.appendingPathComponent("good").path
        try Data("one\ntwo\n".utf8).write(to: URL(fileURLWithPath: good))
        #expect(try TokenFile(contentsOf: good).tokens == ["one", "two"])
    }

    @Test(
        "only an exact accepted token passes",
        arguments: [
            ("s3cret-token", true), ("other", true), ("s3cret-toke", false), ("s3cret-token!", false),
            ("S3CRET-TOKEN", false), ("othe", false), ("", false), ("s3cret-token\u{0}", false),
        ])
    func comparesExactly(presented: String, accepted: Bool) {
        #expect(Self.authorizer.accepts(Array(presented.utf8)) == accepted)
    }

    @Test(
        "missing or malformed credentials are UNAUTHENTICATED without echoing the token",
        arguments: [
            (nil, "missing credentials"), ("s3cret-token", "malformed"), ("Basic czNjcmV0", "malformed"),
            ("Bearer ", "malformed"), ("Bearer wrong-token", "invalid bearer token"),
        ] as [(String?, String)])
    func rejects(header: String?, reason: String) {
        #expect {
            try Self.authorizer.authorize(Self.metadata(header))
        } throws: { error in
            guard let error = error as? RPCError else { return false }
            return error.code == .unauthenticated && error.message.contains(reason)
                && !error.message.contains("s3cret") && !error.message.contains("wrong-token")
        }
    }

    @Test("the scheme is case-insensitive")
    func acceptsAnyCaseOfScheme() throws {
        try Self.authorizer.authorize(Self.metadata("Bearer s3cret-token"))
        try Self.authorizer.authorize(Self.metadata("bearer other"))
    }

    @Test("end to end: calls need the token, Health stays open")
    func serverRequiresTokens() async throws {
        try await withServer({ $0.authorizer = Self.authorizer.authorizer }) { _, port in
            let target = "127.0.0.1:\(port)"
            try await withClient(target) { client in
                #expect(try await client.checkHealth() == .serving)
                await #expect(throws: RPCError.self) { try await client.info() }
                do {
                    _ = try await client.ping()
                    Issue.record("a call without a token succeeded")
                } catch let error as RPCError {
                    #expect(error.code == .unauthenticated)
                    #expect(error.message.contains("missing credentials"))
                }
                let wrong = CallOptions(metadata: [KeyValue(key: "authorization", value: "Bearer nope")])
                do {
                    _ = try await client.ping(options: wrong)
                    Issue.record("a call with a wrong token succeeded")
                } catch let error as RPCError {
                    #expect(error.code == .unauthenticated)
                    #expect(!error.message.contains("nope"))
                }
            }
            try await withClient(target, configure: { $0.setBearerToken("s3cret-token") }) { client in
                #expect(try await client.ping([1, 2]) == [1, 2])
                #expect(try await client.info().version == "test")
                let response = try await client.analyze(AnalyzeRequest(article: Article(id: "t", body: "Hi.")))
                #expect(response.articleID == "t")
                // A call's own metadata wins over the client's default.
                let wrong = CallOptions(metadata: [KeyValue(key: "authorization", value: "Bearer nope")])
                await #expect(throws: RPCError.self) { try await client.ping(options: wrong) }
                let stream = client.analyzeStream(
                    [AnalyzeRequest(article: Article(id: "s1", body: "Hi."))].async)
                var ids: [String] = []
                for try await response in stream { ids.append(response.articleID) }
                #expect(ids == ["s1"])
            }
        }
    }
}
