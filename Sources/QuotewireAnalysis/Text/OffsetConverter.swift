import QuotewireModel

/// Turns scalar offsets into the unit a request asks for (a table only
/// when the unit differs from scalars for this body).
struct OffsetConverter: Sendable {
    private let table: [UInt32]?
    /// For UTF-8 offsets, the body's own table (read, not copied: offsets are never negative).
    private let utf8Table: [Int32]?

    init(_ text: TextBuffer, unit: OffsetUnit) {
        let width: ((UInt32) -> UInt32)?
        switch unit {
        case .utf8:
            self.table = nil
            self.utf8Table = text.utf8OffsetTable
            return
        case .utf16:
            self.utf8Table = nil
            width = text.isBasicMultilingual ? nil : { value in value < 0x10000 ? 1 : 2 }
        case .unicodeScalar, .unrecognized:
            self.utf8Table = nil
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
        if let utf8Table = self.utf8Table {
            return UInt32(truncatingIfNeeded: utf8Table[min(max(scalarIndex, 0), utf8Table.count - 1)])
        }
        guard let table = self.table else { return UInt32(truncatingIfNeeded: scalarIndex) }
        return table[min(max(scalarIndex, 0), table.count - 1)]
    }

    func span(_ range: Range<Int>) -> Span {
        Span(start: self.offset(range.lowerBound), end: self.offset(range.upperBound))
    }
}
