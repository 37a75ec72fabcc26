import Foundation
import Testing

// Nested in the serialized AnalyzeCommandTests: these tests start many processes,
// and running them beside the other process-starting suites starves the timing tests.
extension AnalyzeCommandTests {
    /// `quotewire call` and `quotewire describe` against a real server.
    @Suite struct Call {
        static let request = #"{"article":{"id":"c1","body":"\"We will win,\" Mayor Ana Ruiz said."},"options":{"offsetUnit":"OFFSET_UNIT_UNICODE_SCALAR"}}"#

        static func object(_ text: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        }

        /// One server for the calls and descriptions: every server started costs the busy machine.
        @Test func callAndDescribeThroughOneServer() async throws {
            let server = try await ServerProcess()
            try await unaryMethodsTakeAndGiveProto3JSON(server)
            try await streamingMethodsTakeAndGiveJSONLines(server)
            try await errorsSayWhatWasWrong(server)
            try await describeListsMethodsAndTheirMessagesAsInTheProto(server)
            server.signal(SIGTERM)
            #expect(await server.waitForExit() == 0)
        }

        func unaryMethodsTakeAndGiveProto3JSON(_ server: ServerProcess) async throws {
            let analyze = try await QuotewireProcess.run(["call", "--server", server.address, "quotewire.v1.Analyzer/Analyze", Self.request])
            #expect(analyze.status == 0, "\(analyze.stderr)")
            let response = try Self.object(analyze.stdout)
            #expect(response["articleId"] as? String == "c1")
            #expect((response["quotes"] as? [[String: Any]])?.first?["cue"] as? String == "said")

            let ping = try await QuotewireProcess.run(["call", "--server", server.address, "quotewire.v1.Server/Ping", #"{"payload":"aGVsbG8="}"#])
            #expect(try Self.object(ping.stdout)["payload"] as? String == "aGVsbG8=")
            let health = try await QuotewireProcess.run(["call", "--server", server.address, "grpc.health.v1.Health/Check", "-"], stdin: #"{"service":""}"#)
            #expect(try Self.object(health.stdout)["status"] as? String == "SERVING")
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let file = try folder.write("info.json", "{}")
            let info = try await QuotewireProcess.run(["call", "--server", server.address, "quotewire.v1.Server/Info", "@\(file)"])
            #expect((try Self.object(info.stdout)["services"] as? [Any])?.isEmpty == false)
        }

        func streamingMethodsTakeAndGiveJSONLines(_ server: ServerProcess) async throws {
            let lines = (1...4).map { #"{"article":{"id":"s\#($0)","body":"\"Number \#($0),\" she said."}}"# }.joined(separator: "\n")
            let outcome = try await QuotewireProcess.run(
                ["call", "--server", server.address, "quotewire.v1.Analyzer/AnalyzeStream"], stdin: lines + "\n")
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let ids = try outcome.stdout.split(separator: "\n").map { try Self.object(String($0))["articleId"] as? String }
            #expect(ids == ["s1", "s2", "s3", "s4"])
        }

        func errorsSayWhatWasWrong(_ server: ServerProcess) async throws {
            let unknown = try await QuotewireProcess.run(["call", "--server", server.address, "quotewire.v1.Analyzer/Nope"])
            #expect(unknown.status == 1 && unknown.stderr.contains("UNIMPLEMENTED"), "\(unknown.stderr)")
            let badJSON = try await QuotewireProcess.run(["call", "--server", server.address, "quotewire.v1.Analyzer/Analyze", "{"])
            #expect(badJSON.status == 64 && badJSON.stderr.contains("the request: invalid JSON"), "\(badJSON.stderr)")
            let badField = try await QuotewireProcess.run(
                ["call", "--server", server.address, "quotewire.v1.Analyzer/Analyze", #"{"articel":{}}"#])
            #expect(badField.status == 64 && badField.stderr.contains("field articel: AnalyzeRequest has no such field"), "\(badField.stderr)")
            let german = try await QuotewireProcess.run(
                ["call", "--server", server.address, "quotewire.v1.Analyzer/Analyze", #"{"article":{"body":"Ja.","language":"de"}}"#])
            #expect(german.status == 1 && german.stderr.contains(#"INVALID_ARGUMENT: language "de""#), "\(german.stderr)")
            let usage = try await QuotewireProcess.run(["call", "Analyze"])
            #expect(usage.status == 64 && usage.stderr.contains("SERVICE/METHOD"))
        }

        @Test func metadataTravelsWithTheCall() async throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let tokens = try folder.write("tokens", "s3cret\n")
            let server = try await ServerProcess(["--auth-token-file", tokens])
            let without = try await QuotewireProcess.run(["call", "--server", server.address, "quotewire.v1.Server/Ping"])
            #expect(without.status == 77, "\(without.stderr)")
            let with = try await QuotewireProcess.run(
                ["call", "--server", server.address, "--metadata", "authorization=Bearer s3cret", "quotewire.v1.Server/Ping"])
            #expect(with.status == 0, "\(with.stderr)")
            server.signal(SIGTERM)
            _ = await server.waitForExit()
        }

        func describeListsMethodsAndTheirMessagesAsInTheProto(_ server: ServerProcess) async throws {
            let all = try await QuotewireProcess.run(["describe", "--server", server.address])
            #expect(all.status == 0, "\(all.stderr)")
            #expect(all.stdout.contains("rpc AnalyzeStream(stream quotewire.v1.AnalyzeRequest) returns (stream quotewire.v1.AnalyzeResponse);"))
            #expect(all.stdout.contains("service grpc.health.v1.Health {"))
            var printed: [String: [String]] = [:]
            for method in ["quotewire.v1.Analyzer/Analyze", "quotewire.v1.Server/Info", "quotewire.v1.Server/Ping", "grpc.health.v1.Health/Check"] {
                let one = try await QuotewireProcess.run(["describe", "--server", server.address, method])
                #expect(one.status == 0, "\(one.stderr)")
                for match in one.stdout.matches(of: /(?:message|enum) ([\w.]+) \{\n((?:  .*\n)*)\}/) {
                    printed[String(match.1)] = match.2.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                }
            }
            #expect(printed.count >= 18, "\(printed.keys.sorted())")
            // Every printed definition is the proto's, field for field.
            let protos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../proto").standardized
            let definitions = try Self.protoDefinitions(under: protos)
            for (name, lines) in printed {
                #expect(definitions[name] == lines, "\(name)")
            }
            let missing = try await QuotewireProcess.run(["describe", "--server", server.address, "no.Such"])
            #expect(missing.status == 1 && missing.stderr.contains("has no service no.Such"))
        }

        /// Field and enum value lines of every message and enum in the .proto files, by full name.
        static func protoDefinitions(under folder: URL) throws -> [String: [String]] {
            var result: [String: [String]] = [:]
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".proto") } ?? []
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                let package = text.firstMatch(of: /package ([\w.]+);/).map { String($0.1) } ?? ""
                var stack: [(name: String, lines: [String])] = []
                for rawLine in text.split(separator: "\n") {
                    let line = rawLine.trimmingCharacters(in: .whitespaces)
                    if line.hasPrefix("//") || line.isEmpty { continue }
                    if let empty = line.firstMatch(of: /^(?:message|enum) (\w+) \{\}$/) {
                        result["\(stack.last?.name ?? package).\(empty.1)"] = []
                    } else if let open = line.firstMatch(of: /^(?:message|enum) (\w+) \{$/) {
                        let parent = stack.last?.name ?? package
                        stack.append(("\(parent).\(open.1)", []))
                    } else if line == "}" || line.hasPrefix("}") {
                        if let done = stack.popLast() { result[done.name] = done.lines }
                    } else if !stack.isEmpty, line.hasSuffix(";"), !line.hasPrefix("option") {
                        stack[stack.count - 1].lines.append(line)
                    }
                }
            }
            return result
        }
    }
}
