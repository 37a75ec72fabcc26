/// Prints stretches of a document (Unicode scalar offsets, as brat and the metric count them) on one
/// line, for error listings.
struct TextExcerpt {
    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        self.scalars = Array(text.unicodeScalars)
    }

    /// The text of each range, joined by ` | `, line breaks as spaces; cut after `limit` characters.
    func show(_ ranges: [Range<Int>], limit: Int? = nil) -> String {
        let text = ranges.map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: self.scalars[range.clamped(to: 0..<self.scalars.count)])
            return String(view)
        }.joined(separator: " | ").replacingOccurrences(of: "\n", with: " ")
        guard let limit, text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }
}
