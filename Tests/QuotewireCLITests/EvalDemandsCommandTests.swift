import Foundation
import Testing

/// `quotewire eval --demands` on the demand slice (Tests/Fixtures/demand-slice, made by its make.py):
/// sentences we wrote, one rule of EVALUATION.md ("Demands") each.
@Suite(.serialized) struct EvalDemandsCommandTests {
    static let slice = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/demand-slice").path

    @Test func theSliceScoresEveryRuleExactly() async throws {
        let outcome = try await QuotewireProcess.run(["eval", Self.slice, "--demands", Self.slice + "/gold.jsonl", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let demands = try #require(json["demands"] as? [String: Double])
        // Demands: ask-to, called-for without addressee, pronoun addressee, coordinated addressees.
        // Not demands: ask-whether, negation, question, standing rule, wish, warning.
        #expect(demands["goldDemands"] == 4)
        #expect(demands["found"] == 4)
        #expect(demands["foundWithDemander"] == 4)
        #expect(demands["foundWithAddressee"] == 4)
        #expect(demands["goldNonDemands"] == 6)
        #expect(demands["falseAlarms"] == 0)
        #expect(demands["predictions"] == 4)
        #expect(demands["recall"] == 1 && demands["recallWithDemander"] == 1 && demands["recallWithAddressee"] == 1)
        #expect(demands["falseAlarmRate"] == 0)

        let table = try await QuotewireProcess.run(["eval", Self.slice, "--demands", Self.slice + "/gold.jsonl", "--errors", "5"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("demand gold: recall          1.000  (4/4)"))
        #expect(table.stdout.contains("demand gold: false alarms    0.000  (0/6)"))
        #expect(table.stdout.contains("demand errors: demand-missed 0, demand-demander 0, demand-addressee 0, demand-false-alarm 0"))
    }

    @Test func onlyKeepsTheJudgedDocumentsLeft() async throws {
        let outcome = try await QuotewireProcess.run([
            "eval", Self.slice, "--demands", Self.slice + "/gold.jsonl", "--only", "called-for", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let demands = try #require(json["demands"] as? [String: Double])
        #expect(demands["goldDemands"] == 2 && demands["found"] == 2 && demands["goldNonDemands"] == 0)
    }

    @Test func aMissingGoldFileIsNoInput() async throws {
        let outcome = try await QuotewireProcess.run(["eval", Self.slice, "--demands", "/no/such/gold.jsonl"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("/no/such/gold.jsonl"))
    }

    @Test func aMalformedGoldNamesTheLine() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = #"{"doc":"ask-to-and-whether","content":[[23,56]],"is_demand":false}"#
        try folder.write("gold.jsonl", good + "\n" + #"{"doc":"ask-to-and-whether","content":[[23,56]],"is_demand":true}"# + "\n")
        let outcome = try await QuotewireProcess.run(["eval", Self.slice, "--demands", folder.url.path + "/gold.jsonl"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("line 2: a demand needs an action"), "\(outcome.stderr)")
    }

    @Test func aGoldForAnotherCorpusIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("gold.jsonl", #"{"doc":"elsewhere","content":[[0,5]],"is_demand":false}"# + "\n")
        let outcome = try await QuotewireProcess.run(["eval", Self.slice, "--demands", folder.url.path + "/gold.jsonl"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("elsewhere"))
    }
}
