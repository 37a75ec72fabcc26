/// An article body as Unicode scalar values, the unit every stage indexes.
///
/// Decoding walks the UTF-8 of the body once; offsets in other units are
/// computed on demand by ``OffsetConverter``.
struct TextBuffer: Sendable {
    /// The scalar values of the body.
    let scalars: [UInt32]
    /// Size of the body in UTF-8 bytes.
    let utf8Count: Int

    init(_ body: String) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(body.utf8.count)
        for scalar in body.unicodeScalars {
            scalars.append(scalar.value)
        }
        self.scalars = scalars
        self.utf8Count = body.utf8.count
    }

    var count: Int { self.scalars.count }

    subscript(_ index: Int) -> UInt32 {
        index >= 0 && index < self.scalars.count ? self.scalars[index] : 0
    }

    /// The text of `range` as a string.
    func string(_ range: Range<Int>) -> String {
        let bounded = range.clamped(to: 0..<self.scalars.count)
        var view = String.UnicodeScalarView()
        for value in self.scalars[bounded] {
            if let scalar = Unicode.Scalar(value) { view.append(scalar) }
        }
        return String(view)
    }
}
