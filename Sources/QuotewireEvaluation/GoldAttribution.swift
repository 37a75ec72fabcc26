/// A gold attribution: content, source and cue as character ranges
/// (Unicode scalar offsets, end exclusive). Source and cue may be empty.
public struct GoldAttribution: Sendable, Hashable {
    /// The attributed content, possibly in several fragments.
    public var content: [Range<Int>]
    /// The speaker mention.
    public var source: [Range<Int>]
    /// The cue.
    public var cue: [Range<Int>]

    public init(content: [Range<Int>], source: [Range<Int>] = [], cue: [Range<Int>] = []) {
        self.content = content
        self.source = source
        self.cue = cue
    }
}
