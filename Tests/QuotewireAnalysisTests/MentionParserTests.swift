import QuotewireModel
import Testing

@testable import QuotewireAnalysis

@Suite("MentionParser")
struct MentionParserTests {
    private func parse(_ phrase: String) throws -> (name: String, title: String, affiliation: String, kind: ActorKind) {
        let (text, tokens) = TestSupport.tokens(phrase)
        let mention = try #require(MentionParser().parse(0..<tokens.count, tokens, text))
        func string(_ range: Range<Int>) -> String {
            range.isEmpty ? "" : text.string(Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end))
        }
        return (string(mention.name), string(mention.title), string(mention.affiliation), mention.kind)
    }

    @Test("splits affiliation, title and name")
    func splitsNames() throws {
        let governor = try parse("Oregon Governor Ada Brook")
        #expect(governor.name == "Ada Brook")
        #expect(governor.title == "Governor")
        #expect(governor.affiliation == "Oregon")
        #expect(governor.kind == .person)
        let secretary = try parse("Press Secretary Jo Hale")
        #expect(secretary.title == "Press Secretary")
        #expect(secretary.name == "Jo Hale")
    }

    @Test("recognizes organizations and government bodies")
    func recognizesOrganizations() throws {
        #expect(try parse("FEMA").kind == .government || (try parse("FEMA")).kind == .organization)
        #expect(try parse("Congress").kind == .government)
        #expect(try parse("the Finance Committee").kind == .organization)
    }

    @Test("reads pronouns and descriptions")
    func readsPronounsAndDescriptions() throws {
        let (text, tokens) = TestSupport.tokens("she")
        let pronoun = try #require(MentionParser().parse(0..<1, tokens, text))
        #expect(pronoun.gender == .female)
        let description = try parse("the deputy mayor")
        #expect(description.title == "deputy mayor")
    }
}
