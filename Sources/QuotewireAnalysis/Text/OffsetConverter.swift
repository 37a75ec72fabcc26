import QuotewireModel

/// Turns scalar offsets into the unit a request asks for (a table only
/// when the unit differs from scalars for this body).
struct OffsetConverter: Sendable {
    private let table: [UInt32]?

    init(_ text: TextBuffer, unit: OffsetUnit) {
        let width: ((UInt32) -> UInt32)?
        switch unit {
        case .utf8:
            self.table = text.utf8OffsetTable.map { $0.map { UInt32(truncatingIfNeeded: $0) } }
            return
        case .utf16:
            width = text.isBasicMultilingual ? nil : { value in value < 0x10000 ? 1 : 2 }
        case .unicodeScalar, .unrecognized:
            width = nil
        }
        guard let width else {
            self.table = nil
            return
        }
        var table = [UInt32](repeating: 0, count: text.count + 1)
        var offset: UInt32 = 0
        for index in 0..<text.count {
            table[index] = offset
            offset &+= width(text[index])
        }
        table[text.count] = offset
        self.table = table
    }

    func offset(_ scalarIndex: Int) -> UInt32 {
        guard let table = self.table else { return UInt32(truncatingIfNeeded: scalarIndex) }
        return table[min(max(scalarIndex, 0), table.count - 1)]
    }

    func span(_ range: Range<Int>) -> Span {
        Span(start: self.offset(range.lowerBound), end: self.offset(range.upperBound))
    }
}
