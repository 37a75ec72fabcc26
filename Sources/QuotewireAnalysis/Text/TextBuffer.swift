/// An article body as Unicode scalar values, the unit every stage indexes,
/// with the UTF-8 offset of each scalar kept for slicing and conversion.
///
/// Decoding walks the UTF-8 of the body once.
struct TextBuffer: Sendable {
    /// The scalar values of the body.
    let scalars: [UInt32]
    /// The UTF-8 bytes of the body.
    let bytes: [UInt8]
    /// The UTF-8 offset of each scalar, plus the byte count at the end.
    let utf8Offsets: [Int32]

    var utf8Count: Int { self.bytes.count }

    init(_ body: String) {
        let bytes = Array(body.utf8)
        var scalars: [UInt32] = []
        var offsets: [Int32] = []
        scalars.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            offsets.append(Int32(truncatingIfNeeded: index))
            if lead < 0x80 {
                scalars.append(UInt32(lead))
                index += 1
                continue
            }
            // A Swift string holds valid UTF-8, so the continuation bytes are there.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            var next = index + 1
            while next < index + length && next < count {
                value = value << 6 | (UInt32(bytes[next]) & 0x3F)
                next += 1
            }
            scalars.append(value)
            index = next
        }
        offsets.append(Int32(truncatingIfNeeded: count))
        self.scalars = scalars
        self.bytes = bytes
        self.utf8Offsets = offsets
    }

    var count: Int { self.scalars.count }

    subscript(_ index: Int) -> UInt32 {
        index >= 0 && index < self.scalars.count ? self.scalars[index] : 0
    }

    /// The text of `range` (scalar offsets) as a string.
    func string(_ range: Range<Int>) -> String {
        let bounded = range.clamped(to: 0..<self.scalars.count)
        guard !bounded.isEmpty else { return "" }
        let start = Int(self.utf8Offsets[bounded.lowerBound])
        let end = Int(self.utf8Offsets[bounded.upperBound])
        return String(decoding: self.bytes[start..<end], as: UTF8.self)
    }
}
