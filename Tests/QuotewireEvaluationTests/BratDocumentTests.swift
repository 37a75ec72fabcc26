import Testing

@testable import QuotewireEvaluation

@Suite("BratDocument")
struct BratDocumentTests {
    @Test("reads T and E lines into attributions")
    func readsAttributions() throws {
        let ann = """
            T1\tSource 0 5\tMaria
            T2\tCue 6 10\tsaid
            T3\tContent 11 20\tthe plan
            T4\tAttribution 6 10\tsaid
            E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3
            """
        let attributions = BratDocument(parsing: ann).attributions
        let attribution = try #require(attributions.first)
        #expect(attributions.count == 1)
        #expect(attribution.content == [11..<20])
        #expect(attribution.source == [0..<5])
        #expect(attribution.cue == [6..<10])
    }

    @Test("keeps every fragment of a discontinuous span")
    func readsDiscontinuousOffsets() throws {
        let ann = "T1\tContent 3 9;12 30\tone | two\nE1\tAttribution:T2 Content:T1\n"
        let attribution = try #require(BratDocument(parsing: ann).attributions.first)
        #expect(attribution.content == [3..<9, 12..<30])
        #expect(attribution.source.isEmpty)
    }

    @Test("skips events without content and text continuation lines")
    func skipsIncompleteEvents() {
        let ann = """
            T1\tContent 0 40\tfirst line
            Then the annotation text goes on
            T2\tCue 41 45\tsaid
            E1\tAttribution:T3 Cue:T2
            E2\tAttribution:T3 Cue:T2 Content:T1
            """
        let document = BratDocument(parsing: ann)
        #expect(document.textBounds.count == 2)
        #expect(document.attributions.count == 1)
    }
}
