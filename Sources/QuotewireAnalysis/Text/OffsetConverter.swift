import QuotewireModel

/// Turns scalar offsets into the unit a request asks for (a table only
/// when the unit differs from scalars for this body).
struct OffsetConverter: Sendable {
    private enum Offsets: Sendable {
        /// The unit counts this body's scalars: an offset is the scalar index.
        case scalars
        /// Each scalar's offset in the unit, and the end's.
        case table([UInt32])
        /// The body's own UTF-8 offset table (read, not copied: its offsets are never negative).
        case utf8([Int32])
    }

    private let offsets: Offsets

    init(_ text: TextBuffer, unit: OffsetUnit) {
        let width: ((UInt32) -> UInt32)?
        switch unit {
        case .utf8:
            self.offsets = text.utf8OffsetTable.map(Offsets.utf8) ?? .scalars
            return
        case .utf16:
            width = text.isBasicMultilingual ? nil : { value in value < 0x10000 ? 1 : 2 }
        case .unicodeScalar, .unrecognized:
            width = nil
        }
        guard let width else {
            self.offsets = .scalars
            return
        }
        var table = [UInt32](repeating: 0, count: text.count + 1)
        var offset: UInt32 = 0
        for index in 0..<text.count {
            table[index] = offset
            offset &+= width(text[index])
        }
        table[text.count] = offset
        self.offsets = .table(table)
    }

    func offset(_ scalarIndex: Int) -> UInt32 {
        switch self.offsets {
        case .scalars: return UInt32(truncatingIfNeeded: scalarIndex)
        case .table(let table): return table[min(max(scalarIndex, 0), table.count - 1)]
        case .utf8(let table): return UInt32(truncatingIfNeeded: table[min(max(scalarIndex, 0), table.count - 1)])
        }
    }

    func span(_ range: Range<Int>) -> Span {
        Span(start: self.offset(range.lowerBound), end: self.offset(range.upperBound))
    }
}
