import NIOCore

/// Batches flushes of one channel: writes made while a read burst is being
/// handled are flushed once at `channelReadComplete`; writes made outside a
/// read (asynchronous completions) are flushed once per event-loop tick.
/// Lives on the channel's event loop.
final class FlushCoalescer {
    private let context: ChannelHandlerContext
    private var isReading = false
    private var needsFlush = false
    private var isFlushScheduled = false

    init(context: ChannelHandlerContext) {
        self.context = context
    }

    /// A read burst started: flushes wait for ``endRead()``.
    func beginRead() {
        self.isReading = true
    }

    /// The read burst ended: flushes what it wrote.
    func endRead() {
        self.isReading = false
        self.flushIfNeeded()
    }

    /// Something was written: flush it at the end of the read burst, or at the
    /// end of this loop tick.
    func didWrite() {
        self.needsFlush = true
        guard !self.isReading, !self.isFlushScheduled else { return }
        self.isFlushScheduled = true
        let coalescer = NIOLoopBound(self, eventLoop: self.context.eventLoop)
        self.context.eventLoop.execute {
            coalescer.value.isFlushScheduled = false
            coalescer.value.flushIfNeeded()
        }
    }

    /// The caller flushed by itself (e.g. `writeAndFlush`).
    func didFlush() {
        self.needsFlush = false
    }

    /// Flushes what was written and not flushed yet, if anything.
    func flushIfNeeded() {
        guard self.needsFlush else { return }
        self.needsFlush = false
        self.context.flush()
    }
}

@available(*, unavailable)
extension FlushCoalescer: Sendable {}
