import Foundation
import Testing

/// `quotewire eval` on a small brat folder written for this test.
@Suite(.serialized) struct EvalCommandTests {
    static let pier = """
        "We will rebuild the pier before summer," Mayor Ines Carver said on Friday.
        Carver argued that the budget was too small.
        She urged the state to send more money.

        """
    /// Gold: a direct quote, an indirect one, and a demand, all of which the
    /// analyzer finds with speaker and cue (Unicode scalar offsets).
    static let pierAnnotations = """
        T1\tSource 42 59\tMayor Ines Carver
        T2\tCue 60 64\tsaid
        T3\tContent 0 41\t"We will rebuild the pier before summer,"
        E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3
        T4\tSource 76 82\tCarver
        T5\tCue 83 89\targued
        T6\tContent 95 119\tthe budget was too small
        E2\tAttribution:T5 Cue:T5 Source:T4 Content:T6
        T7\tSource 121 124\tShe
        T8\tCue 125 130\turged
        T9\tContent 131 159\tthe state to send more money
        E3\tAttribution:T8 Cue:T8 Source:T7 Content:T9

        """
    static let view = "The council met on Tuesday. In the mayor's view, the plan is sound.\n"
    /// Gold: an attribution without a reporting verb, which the analyzer does not find.
    static let viewAnnotations = """
        T1\tSource 31 42\tthe mayor's
        T2\tCue 43 47\tview
        T3\tContent 49 66\tthe plan is sound
        E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3

        """

    func writeCorpus() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("text/pier.txt", Self.pier)
        try folder.write("attributions/pier_annotator1.ann", Self.pierAnnotations)
        // A second annotator's file is ignored: the first in sort order counts.
        try folder.write("attributions/pier_annotator2.ann", "")
        try folder.write("text/view.txt", Self.view)
        try folder.write("attributions/view_annotator1.ann", Self.viewAnnotations)
        return folder
    }

    func figures(_ outcome: QuotewireProcess.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    func check(_ json: [String: Any]) throws {
        // 3 predictions, 4 gold, 3 matches: P 1, R 0.75, F1 6/7.
        for key in ["content", "contentSpeaker", "contentSpeakerCue"] {
            let scores = try #require(json[key] as? [String: Double], "missing \(key)")
            #expect(scores["precision"] == 1)
            #expect(scores["recall"] == 0.75)
            #expect(abs((scores["f1"] ?? 0) - 6.0 / 7.0) < 1e-9)
        }
        #expect(json["directRecall"] as? Double == 1)
        #expect(json["demandRecall"] as? Double == 1)
        #expect(json["documents"] as? Int == 2)
        #expect(json["gold"] as? Int == 4)
        #expect(json["predictions"] as? Int == 3)
        #expect((json["documentsPerSecond"] as? Double ?? 0) > 0)
    }

    @Test func localEvaluationGivesTheExpectedFigures() async throws {
        let folder = try writeCorpus()
        defer { folder.remove() }
        let outcome = try await QuotewireProcess.run(["eval", folder.url.path, "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try check(try figures(outcome))

        let table = try await QuotewireProcess.run(["eval", folder.url.path])
        #expect(table.status == 0)
        #expect(table.stdout.contains("content"))
        #expect(table.stdout.contains("documents/s"))
    }

    @Test func evaluationThroughTheServerGivesTheSameFigures() async throws {
        let folder = try writeCorpus()
        defer { folder.remove() }
        let server = try await ServerProcess()
        let outcome = try await QuotewireProcess.run(["eval", folder.url.path, "--server", server.address, "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try check(try figures(outcome))
        server.signal(SIGTERM)
        #expect(await server.waitForExit() == 0)

        let unreachable = try await QuotewireProcess.run(["eval", folder.url.path, "--server", "127.0.0.1:1"])
        #expect(unreachable.status == 69)
        #expect(unreachable.stderr.contains("127.0.0.1:1"))
    }

    @Test func aMissingFolderIsAUsageError() async throws {
        let outcome = try await QuotewireProcess.run(["eval", "/no/such/corpus"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("/no/such/corpus"))
    }

    /// A slice of news-like text written for these tests (Tests/Fixtures/attribution-slice, made by its
    /// make.py), with cues the rules do not know: the trained model must beat the rules on it.
    @Test func theTrainedModelBeatsTheRulesOnTheWrittenSlice() async throws {
        let slice = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/attribution-slice").path
        var f1: [String: Double] = [:]
        for scoring in ["rules", "trained"] {
            let outcome = try await QuotewireProcess.run(["eval", slice, "--scoring", scoring, "--json"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let content = try #require(try figures(outcome)["content"] as? [String: Double])
            f1[scoring] = content["f1"]
        }
        let rules = try #require(f1["rules"])
        let trained = try #require(f1["trained"])
        #expect(trained > rules + 0.05, "trained \(trained), rules \(rules)")

        let curve = try await QuotewireProcess.run(["eval", slice, "--curve"])
        #expect(curve.status == 0)
        #expect(curve.stdout.contains("confidence >="))
        #expect(curve.stdout.contains("expected calibration error"))
        let errors = try await QuotewireProcess.run(["eval", slice, "--errors", "20"])
        #expect(errors.status == 0)
        #expect(errors.stdout.contains("errors: missed-cue "))

        let unknown = try await QuotewireProcess.run(["eval", slice, "--scoring", "guess"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("guess"))
    }
}
