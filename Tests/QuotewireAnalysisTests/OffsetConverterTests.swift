import QuotewireModel
import Testing

@testable import QuotewireAnalysis

@Suite("OffsetConverter")
struct OffsetConverterTests {
    // "é" is 2 UTF-8 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
    static let body = "é😀ab"

    @Test("converts scalar offsets to the requested unit", arguments: [
        (OffsetUnit.unicodeScalar, [0, 1, 2, 3, 4]),
        (OffsetUnit.utf8, [0, 2, 6, 7, 8]),
        (OffsetUnit.utf16, [0, 1, 3, 4, 5]),
    ])
    func convertsOffsets(unit: OffsetUnit, expected: [UInt32]) {
        let converter = OffsetConverter(TextBuffer(Self.body), unit: unit)
        #expect((0...4).map { converter.offset($0) } == expected)
    }

    @Test("clamps offsets past the end")
    func clampsOffsets() {
        let converter = OffsetConverter(TextBuffer(Self.body), unit: .utf8)
        #expect(converter.offset(99) == 8)
    }
}
