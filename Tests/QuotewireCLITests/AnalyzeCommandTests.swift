import Foundation
import Testing

/// `quotewire analyze` through a server and in-process.
@Suite(.serialized) struct AnalyzeCommandTests {
    static let article = """
        Port officials said on Monday that the new cranes would arrive in March.

        "We have waited long enough for this," Harbor Director Lena Ortiz said. "The workers deserve better equipment."

        Ortiz urged the city council to approve the dredging contract. The union argued that the schedule was too tight.
        """

    /// The JSON object of the one response `--json` printed (an array of one), with the timing
    /// (which differs between runs) removed.
    static func comparable(_ text: String) throws -> NSDictionary {
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        var object = try #require(array.first)
        if var stats = object["stats"] as? [String: Any] {
            stats.removeValue(forKey: "analysisNanos")
            object["stats"] = stats
        }
        return object as NSDictionary
    }

    @Test func throughTheServerPrintsTheProto3JSONOfTheResponse() async throws {
        let server = try await ServerProcess()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("harbor.txt", Self.article)
        let outcome = try await QuotewireProcess.run(["analyze", "--server", server.address, "--json", file])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try Self.comparable(outcome.stdout)
        #expect(json["articleId"] as? String == "harbor")
        for key in ["actors", "quotes", "demands", "stats"] { #expect(json[key] != nil, "missing \(key)") }
        let stats = try #require(json["stats"] as? [String: Any])
        #expect(stats["bodyBytes"] as? Int == Self.article.utf8.count)

        // Who said what: the direct quote is Lena Ortiz's, and she demands something of the council.
        let actors = try #require(json["actors"] as? [[String: Any]])
        let ortiz = try #require(actors.first { $0["name"] as? String == "Lena Ortiz" }, "actors: \(actors)")
        #expect(ortiz["kind"] as? String == "ACTOR_KIND_PERSON")
        let quotes = try #require(json["quotes"] as? [[String: Any]])
        let direct = try #require(quotes.first { $0["kind"] as? String == "QUOTE_KIND_DIRECT" })
        #expect((direct["text"] as? String)?.hasPrefix("We have waited long enough for this") == true)
        #expect(direct["speakerId"] as? String == ortiz["id"] as? String)
        #expect(direct["cue"] as? String == "said")
        let demands = try #require(json["demands"] as? [[String: Any]])
        let demand = try #require(demands.first, "no demand found")
        #expect(demand["demanderId"] as? String == ortiz["id"] as? String)
        #expect(demand["action"] as? String == "approve the dredging contract")
        let council = actors.first { $0["id"] as? String == demand["addresseeId"] as? String }
        #expect(council?["name"] as? String == "city council")
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)
    }

    @Test func localGivesTheSameAnswerAsTheServer() async throws {
        let server = try await ServerProcess()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("harbor.txt", Self.article)
        for offsets in ["utf8", "utf16", "unicode"] {
            let remote = try await QuotewireProcess.run([
                "analyze", "--server", server.address, "--json", "--offsets", offsets, file,
            ])
            let local = try await QuotewireProcess.run(["analyze", "--local", "--json", "--offsets", offsets, file])
            #expect(remote.status == 0 && local.status == 0, "\(remote.stderr) \(local.stderr)")
            #expect(try Self.comparable(remote.stdout) == Self.comparable(local.stdout))
        }
        server.signal(SIGTERM)
        _ = await server.waitForExit()
    }

    @Test func jsonlPrintsOneLinePerArticleInInputOrder() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for index in 0..<25 {
            try folder.write("batch/a\(String(format: "%02d", index)).txt", "\"Number \(index),\" she said.")
        }
        let outcome = try await QuotewireProcess.run([
            "analyze", "--local", "--jsonl", "--concurrency", "6", folder.url.appendingPathComponent("batch").path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 25)
        let ids = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["articleId"] as? String
        }
        #expect(ids == (0..<25).map { "a" + String(format: "%02d", $0) })
    }

    @Test func offsetsCountInTheUnitAsked() async throws {
        // "é" is 2 UTF-8 bytes, 1 UTF-16 unit, 1 scalar; "😀" is 4 bytes, 2 UTF-16 units, 1 scalar.
        let text = "Café 😀 news. \"We will win,\" Mayor Ana Ruiz said.\n"
        var starts: [String: Int] = [:]
        for unit in ["utf8", "utf16", "unicode"] {
            let outcome = try await QuotewireProcess.run(["analyze", "--local", "--jsonl", "--offsets", unit, "-"], stdin: text)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            let quote = try #require((json["quotes"] as? [[String: Any]])?.first, "no quote in \(outcome.stdout)")
            starts[unit] = (quote["span"] as? [String: Int])?["start"]
        }
        let prefix = "Café 😀 news. \""
        #expect(starts["utf8"] == prefix.utf8.count)
        #expect(starts["utf16"] == prefix.utf16.count)
        #expect(starts["unicode"] == prefix.unicodeScalars.count)
    }

    @Test func standardInputIsAnArticle() async throws {
        let outcome = try await QuotewireProcess.run(["analyze", "--local", "--jsonl", "-"], stdin: Self.article)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains(#""articleId":"stdin""#))
    }

    @Test func aFailedArticleIsReportedAndTheOthersComplete() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = try folder.write("good.txt", Self.article)
        let bad = folder.url.appendingPathComponent("bad.txt")
        try Data([0x22, 0xff, 0xfe, 0x22]).write(to: bad)
        let outcome = try await QuotewireProcess.run(["analyze", "--local", "--jsonl", bad.path, good])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("bad.txt: not UTF-8 text"))
        #expect(outcome.stdout.contains(#""articleId":"good""#))
    }

    @Test func textOutputNamesQuotesAndDemands() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("harbor.txt", Self.article)
        let outcome = try await QuotewireProcess.run(["analyze", "--local", file])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("== \(file): "))
    }

    @Test func usageAndInputErrorsHaveConventionalStatuses() async throws {
        let both = try await QuotewireProcess.run(["analyze", "--json", "--jsonl", "--local"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--json and --jsonl cannot be combined"))
        let badOffsets = try await QuotewireProcess.run(["analyze", "--local", "--offsets", "bytes"])
        #expect(badOffsets.status == 64)
        let missing = try await QuotewireProcess.run(["analyze", "--local", "/no/such/article.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/no/such/article.txt: no such file or directory"))
        let unreachable = try await QuotewireProcess.run([
            "analyze", "--server", "127.0.0.1:1", "--timeout", "2s", "-",
        ], stdin: "text")
        #expect(unreachable.status == 69)
        #expect(unreachable.stderr.contains("cannot reach the server at 127.0.0.1:1"))
        let badAddress = try await QuotewireProcess.run(["analyze", "--server", "nonsense:port:x", "-"], stdin: "t")
        #expect(badAddress.status == 64)
        // Standard input that cannot be read is an input error naming it (it once trapped, or sent nothing).
        for arguments in [["analyze", "--local", "-"], ["call", "quotewire.v1.Server/Ping", "-"]] {
            let unreadable = try await QuotewireProcess.run(arguments, stdinPath: "/")
            #expect(unreadable.status == 66, "\(arguments): \(unreadable.stderr)")
            #expect(unreadable.stderr.contains("standard input: cannot read"), "\(arguments): \(unreadable.stderr)")
        }
    }
}
