/// What the ``FrameDecoder`` produces.
public enum InboundFrame: Sendable, Hashable {
    /// A complete frame within the size limit.
    case frame(Frame)
    /// A frame whose payload exceeded the limit: its body is being discarded,
    /// and the stream should be answered RESOURCE_EXHAUSTED.
    case oversized(FrameHeader, limit: Int)
}
