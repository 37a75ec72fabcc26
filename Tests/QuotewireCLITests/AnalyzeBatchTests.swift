import Foundation
import Testing

// Nested in the serialized AnalyzeCommandTests: these tests start many processes,
// and running them beside the other process-starting suites starves the timing tests.
extension AnalyzeCommandTests {
    /// `quotewire analyze` on batches: JSON Lines in, json/jsonl/csv out,
    /// --output with --resume, --rejects, options, and the language check.
    @Suite struct Batch {
        static let body = AnalyzeCommandTests.article

        /// A JSON Lines file of `count` articles with ids `n0`, `n1`, ...
        static func jsonLines(_ count: Int, body: String = body) -> String {
            (0..<count).map { index in
                jsonLine(["id": "n\(index)", "title": "Story \(index)", "url": "https://example.org/\(index)", "body": body])
            }.joined(separator: "\n") + "\n"
        }

        static func jsonLine(_ fields: [String: String]) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
        }

        static func ids(ofJSONLines text: String) throws -> [String] {
            try text.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["articleId"] as? String ?? ""
            }
        }

        @Test func jsonLinesFromStandardInputAndFilesKeepTheirIds() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let file = try folder.write("batch.jsonl", Self.jsonLines(3))
            let fromFile = try await QuotewireProcess.run(["analyze", "--local", "--format", "jsonl", file])
            #expect(fromFile.status == 0, "\(fromFile.stderr)")
            #expect(try Self.ids(ofJSONLines: fromFile.stdout) == ["n0", "n1", "n2"])
            let fromStdin = try await QuotewireProcess.run(["analyze", "--local", "--jsonl", "--concurrency", "3"], stdin: Self.jsonLines(5))
            #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
            #expect(try Self.ids(ofJSONLines: fromStdin.stdout) == (0..<5).map { "n\($0)" })
            let text = try await QuotewireProcess.run(["analyze", "--local", file])
            #expect(text.stdout.contains("== n1 · Story 1 ("), "\(text.stdout)")
        }

        @Test func anArticleWithoutIdIsNamedByItsLine() async throws {
            let input = Self.jsonLine(["body": Self.body]) + "\n\n" + Self.jsonLine(["body": Self.body]) + "\n"
            let outcome = try await QuotewireProcess.run(["analyze", "--local", "--jsonl", "-"], stdin: input)
            #expect(try Self.ids(ofJSONLines: outcome.stdout) == ["stdin:1", "stdin:3"])
        }

        @Test func duplicateIdsAreAnErrorNamingBothLines() async throws {
            let input = Self.jsonLine(["id": "x", "body": Self.body]) + "\n" + Self.jsonLine(["id": "y", "body": Self.body]) + "\n"
                + Self.jsonLine(["id": "x", "body": Self.body]) + "\n"
            let outcome = try await QuotewireProcess.run(["analyze", "--local", "--jsonl"], stdin: input)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains(#"stdin:3: duplicate id "x": stdin:3 and stdin:1"#), "\(outcome.stderr)")
            #expect(try Self.ids(ofJSONLines: outcome.stdout) == ["x", "y"])
        }

        @Test func filesInFoldersAreNamedByTheirRelativePath() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try folder.write("news/politics/a.txt", Self.body)
            try folder.write("news/sports/a.txt", Self.body)
            let outcome = try await QuotewireProcess.run(["analyze", "--local", "--jsonl", folder.url.appendingPathComponent("news").path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(try Self.ids(ofJSONLines: outcome.stdout) == ["politics/a", "sports/a"])
        }

        @Test func jsonIsAlwaysOneArray() async throws {
            let outcome = try await QuotewireProcess.run(["analyze", "--local", "--json", "-"], stdin: Self.body)
            let array = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
            #expect(array.count == 1 && array[0]["articleId"] as? String == "stdin")
        }

        @Test func jsonlBytesMatchTheJSONMapping() async throws {
            // The byte-buffer writer of --jsonl and the JSONValue mapping of --json must agree exactly.
            let tricky = "Line\u{2028}sep.\n\"We will \u{01}win\t \\ é 😀,\" Mayor Ana Ruiz said. The union urged the board to act."
            let input = Self.jsonLine(["id": "t\"1\u{2029}", "body": tricky]) + "\n"
            let lines = try await QuotewireProcess.run(["analyze", "--local", "--jsonl", "--offsets", "utf16"], stdin: input)
            let array = try await QuotewireProcess.run(["analyze", "--local", "--json", "--offsets", "utf16"], stdin: input)
            let fromArray = try #require(try JSONSerialization.jsonObject(with: Data(array.stdout.utf8)) as? [Any])
            let fromLine = try JSONSerialization.jsonObject(with: Data(lines.stdout.utf8))
            #expect(lines.stdout.contains(#""articleId":"t\"1\u2029""#), "\(lines.stdout)")
            #expect(lines.stdout.contains(#"\u0001win\t \\ é 😀"#), "\(lines.stdout)")
            let strip = { (value: Any) -> NSDictionary in
                var object = value as! [String: Any]
                object["stats"] = nil
                return object as NSDictionary
            }
            #expect(strip(fromLine) == strip(fromArray[0]))
        }

        @Test func csvHasOneRowPerQuoteAndDemand() async throws {
            let outcome = try await QuotewireProcess.run(["analyze", "--local", "--format", "csv", "-"], stdin: Self.body)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let lines = outcome.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "article_id,kind,speaker,speaker_title,cue,text,start,end,confidence,demander,addressee,action")
            let direct = try #require(lines.first { $0.contains(",direct,") }, "\(lines)")
            #expect(direct.hasPrefix("stdin,direct,Lena Ortiz,"), "\(direct)")
            #expect(direct.contains(#","We have waited long enough for this,"" "#), "a field with commas and quotes is quoted: \(direct)")
            let demand = try #require(lines.first { $0.contains(",demand,") }, "\(lines)")
            #expect(demand.hasSuffix(",Lena Ortiz,city council,approve the dredging contract"), "\(demand)")
        }

        @Test func optionsFilterAndTextShowsConfidence() async throws {
            let all = try await QuotewireProcess.run(["analyze", "--local", "-"], stdin: Self.body)
            #expect(all.stdout.contains(/Lena Ortiz \(.*\) · said  \[0\.\d\d\]/), "\(all.stdout)")
            #expect(all.stdout.contains("confidence 0."), "\(all.stdout)")
            let noDemands = try await QuotewireProcess.run(["analyze", "--local", "--format", "csv", "--no-demands", "-"], stdin: Self.body)
            #expect(!noDemands.stdout.contains(",demand,"))
            let strict = try await QuotewireProcess.run(["analyze", "--local", "--format", "csv", "--min-confidence", "1", "-"], stdin: Self.body)
            #expect(strict.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1)
            let wrong = try await QuotewireProcess.run(["analyze", "--local", "--min-confidence", "2", "-"], stdin: Self.body)
            #expect(wrong.status == 64 && wrong.stderr.contains("--min-confidence must be from 0 to 1"))
        }

        @Test func rejectsCollectFailedArticlesWithTheirError() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let input = [
                Self.jsonLine(["id": "ok", "body": Self.body]),
                "{not json",
                Self.jsonLine(["id": "de", "title": "Auf Deutsch", "body": "„Wir schaffen das“, sagte sie.", "language": "de"]),
                Self.jsonLine(["id": "ok", "body": Self.body]),
                Self.jsonLine(["id": "empty", "text": "the body under another name"]),
            ].joined(separator: "\n")
            let rejects = folder.url.appendingPathComponent("rejects.jsonl").path
            let output = folder.url.appendingPathComponent("out.jsonl").path
            let outcome = try await QuotewireProcess.run(
                ["analyze", "--local", "--format", "jsonl", "--output", output, "--rejects", rejects, "-"], stdin: input)
            #expect(outcome.status == 1)
            #expect(try Self.ids(ofJSONLines: String(contentsOfFile: output, encoding: .utf8)) == ["ok"])
            let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
            let records = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            #expect(records.map { $0["origin"] as? String } == ["stdin:2", "stdin:3", "stdin:4", "stdin:5"])
            #expect((records[0]["error"] as? String)?.hasPrefix("invalid JSON at byte 2") == true, "\(records[0])")
            #expect(records[1]["error"] as? String == #"language "de" is not supported: only English ("en", or empty) is analyzed"#)
            #expect(records[1]["title"] as? String == "Auf Deutsch" && records[1]["body"] != nil)
            #expect((records[2]["error"] as? String)?.contains("duplicate id") == true)
            #expect((records[3]["error"] as? String)?.contains("has no body") == true)
            #expect(outcome.stderr.contains("1 analyzed, 4 failed"), "\(outcome.stderr)")
        }

        @Test func theServerRefusesOtherLanguagesNamingThem() async throws {
            let server = try await ServerProcess()
            let input = Self.jsonLine(["id": "fr", "body": "« Nous gagnerons », a-t-elle dit.", "language": "fr"]) + "\n"
            let outcome = try await QuotewireProcess.run(["analyze", "--server", server.address, "--jsonl"], stdin: input)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains(#"stdin:1: INVALID_ARGUMENT"#) && outcome.stderr.contains(#"language "fr""#), "\(outcome.stderr)")
            server.signal(SIGTERM)
            _ = await server.waitForExit()
        }

        @Test(arguments: ["jsonl", "csv"])
        func resumeSkipsWhatAnEarlierRunAnsweredAndRedoesACutAnswer(format: String) async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let input = try folder.write("in.jsonl", Self.jsonLines(6))
            let output = folder.url.appendingPathComponent("out.\(format)").path
            let complete = try await QuotewireProcess.run(["analyze", "--local", "--format", format, "--output", output, input])
            #expect(complete.status == 0, "\(complete.stderr)")
            let full = try String(contentsOfFile: output, encoding: .utf8)
            // A run killed partway: the answers of n0...n2 and part of n3's.
            let cut = full.range(of: format == "jsonl" ? #"{"articleId":"n3""# : "\r\nn3,")!.upperBound
            let partial = String(full[..<full.index(cut, offsetBy: 40)])
            try Data(partial.utf8).write(to: URL(fileURLWithPath: output))
            let resumed = try await QuotewireProcess.run(["analyze", "--local", "--format", format, "--output", output, "--resume", input])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(resumed.stderr.contains("3 analyzed, 0 failed, 3 skipped"), "\(resumed.stderr)")
            let again = try String(contentsOfFile: output, encoding: .utf8)
            let stats = /"analysisNanos":"\d+"/
            #expect(again.replacing(stats, with: "") == full.replacing(stats, with: ""))
        }

        @Test func aRunKilledPartwayResumesWithoutDuplicates() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let count = 300
            let input = try folder.write("in.jsonl", Self.jsonLines(count))
            let output = folder.url.appendingPathComponent("out.jsonl").path
            let process = Process()
            process.executableURL = QuotewireProcess.executable
            process.arguments = ["analyze", "--local", "--concurrency", "1", "--format", "jsonl", "--output", output, input]
            process.standardError = FileHandle.nullDevice
            // Blocks of 16 KiB: the first is written after a dozen articles, long before the end.
            process.environment = ProcessInfo.processInfo.environment.merging(["QUOTEWIRE_OUTPUT_BLOCK_BYTES": "16384"]) { _, new in new }
            try process.run()
            // Kill it once it has written its first block (or let it finish on a fast machine).
            while process.isRunning, ((try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0) == 0 {
                try await Task.sleep(for: .milliseconds(5))
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let resumed = try await QuotewireProcess.run(["analyze", "--local", "--format", "jsonl", "--output", output, "--resume", input])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let ids = try Self.ids(ofJSONLines: String(contentsOfFile: output, encoding: .utf8))
            #expect(ids == (0..<count).map { "n\($0)" })
        }

        @Test func resumeAndOutputMisuseAreUsageErrors() async throws {
            let noOutput = try await QuotewireProcess.run(["analyze", "--local", "--resume", "--jsonl", "-"], stdin: "x")
            #expect(noOutput.status == 64 && noOutput.stderr.contains("--resume needs --output FILE"))
            let text = try await QuotewireProcess.run(["analyze", "--local", "--resume", "--output", "/tmp/x", "-"], stdin: "x")
            #expect(text.status == 64 && text.stderr.contains("--resume needs --format jsonl or csv"))
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let foreign = try folder.write("notes.jsonl", "hello\n")
            let wrongFile = try await QuotewireProcess.run(
                ["analyze", "--local", "--jsonl", "--output", foreign, "--resume", "-"], stdin: Self.body)
            #expect(wrongFile.status == 64 && wrongFile.stderr.contains("notes.jsonl:1: not an answer of quotewire analyze"))
            let unwritable = try await QuotewireProcess.run(["analyze", "--local", "--output", "/no/such/dir/out", "-"], stdin: "x")
            #expect(unwritable.status == 73 && unwritable.stderr.contains("/no/such/dir/out: cannot write"))
        }
    }
}
