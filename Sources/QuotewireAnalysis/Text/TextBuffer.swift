/// An article body as Unicode scalar values, the unit every stage indexes,
/// with the UTF-8 offset of each scalar kept for slicing and conversion.
/// An ASCII body keeps its bytes only: they are its scalars and offsets
/// (a 4 MB body would otherwise take 36 MB).
///
/// Decoding walks the UTF-8 of the body once.
struct TextBuffer: Sendable {
    /// The scalar values of the body; empty when the body is ASCII (the bytes are the scalars).
    private let scalars: [UInt32]
    /// The UTF-8 bytes of the body.
    let bytes: [UInt8]
    /// The UTF-8 offset of each scalar, plus the byte count at the end; empty when the body is ASCII.
    private let utf8Offsets: [Int32]
    /// Every scalar is one UTF-16 unit.
    let isBasicMultilingual: Bool

    var utf8Count: Int { self.bytes.count }

    init(_ body: String) {
        let bytes = Array(body.utf8)
        self.bytes = bytes
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            self.scalars = []
            self.utf8Offsets = []
            self.isBasicMultilingual = true
            return
        }
        var scalars: [UInt32] = []
        var offsets: [Int32] = []
        scalars.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var index = 0
        let count = bytes.count
        var isBasicMultilingual = true
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
            isBasicMultilingual = isBasicMultilingual && value < 0x10000
            index = next
        }
        offsets.append(Int32(truncatingIfNeeded: count))
        self.scalars = scalars
        self.utf8Offsets = offsets
        self.isBasicMultilingual = isBasicMultilingual
    }

    /// The UTF-8 offset of scalar `index` (`count`: the byte count).
    func utf8Offset(_ index: Int) -> Int {
        self.utf8Offsets.isEmpty ? index : Int(self.utf8Offsets[index])
    }

    /// The UTF-8 offset of each scalar, plus the byte count at the end; `nil` when the body is ASCII.
    var utf8OffsetTable: [Int32]? {
        self.utf8Offsets.isEmpty ? nil : self.utf8Offsets
    }

    /// The number of scalars.
    var count: Int { self.scalars.isEmpty ? self.bytes.count : self.scalars.count }

    subscript(_ index: Int) -> UInt32 {
        guard index >= 0 && index < self.count else { return 0 }
        return self.scalars.isEmpty ? UInt32(self.bytes[index]) : self.scalars[index]
    }

    /// Calls `body` with the scalars, as bytes for an ASCII body.
    func withScalars<Result>(
        _ body: (UnsafeBufferPointer<UInt32>) -> Result, ascii: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        self.scalars.isEmpty ? self.bytes.withUnsafeBufferPointer(ascii) : self.scalars.withUnsafeBufferPointer(body)
    }

    /// The text of `range` (scalar offsets) as a string.
    func string(_ range: Range<Int>) -> String {
        let bounded = range.clamped(to: 0..<self.count)
        guard !bounded.isEmpty else { return "" }
        let start = self.utf8Offset(bounded.lowerBound)
        let end = self.utf8Offset(bounded.upperBound)
        return String(decoding: self.bytes[start..<end], as: UTF8.self)
    }
}
