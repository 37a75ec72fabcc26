import QuotewireModel
import Testing

@testable import QuotewireAnalysis

@Suite("ActorRegistry")
struct ActorRegistryTests {
    @Test("surname, title and pronoun mentions resolve to one actor")
    func resolvesAliases() throws {
        let body = """
            Deputy Treasurer Mara Quist said the fund is empty. Quist argued that the council ignored it. \
            According to the treasurer, the deficit grew. She added that cuts are coming.
            """
        let response = try TestSupport.analyze(body)
        #expect(response.quotes.count == 4)
        let speakers = Set(response.quotes.map(\.speakerID))
        #expect(speakers.count == 1)
        let actor = try #require(response.actors.first { $0.id == response.quotes.first?.speakerID })
        #expect(actor.name == "Mara Quist")
        #expect(actor.title == "Deputy Treasurer")
        #expect(actor.id == "a1")
        #expect(actor.mentions.count >= 4)
    }

    @Test("a pronoun goes to the last compatible subject, not to an object")
    func resolvesPronounToSubject() throws {
        let body = "Mayor Paul Reyes met with Governor Linda Marsh on Monday. He said the talks went well."
        let response = try TestSupport.analyze(body)
        let quote = try #require(response.quotes.first)
        let actor = try #require(response.actors.first { $0.id == quote.speakerID })
        #expect(actor.name == "Paul Reyes")
    }

    @Test("only actors who speak, demand or are addressed are reported")
    func reportsReferencedActors() throws {
        let response = try TestSupport.analyze("Tom Ray visited Lima. Ana Soto said the trip was short.")
        #expect(response.actors.map(\.name) == ["Ana Soto"])
    }

    @Test("a description with the name as an aside resolves to the named person")
    func resolvesNamedAside() throws {
        let body = "A spokesman for the ministry, Omar Haddad, said the talks would resume. Haddad added that nobody left."
        let response = try TestSupport.analyze(body)
        #expect(response.quotes.count == 2)
        let names = Set(response.quotes.compactMap { quote in response.actors.first { $0.id == quote.speakerID }?.name })
        #expect(names == ["Omar Haddad"])
    }
}
