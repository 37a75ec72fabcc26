import NIOCore

/// Refuses a connection in ttrpc terms: waits for the header of the first
/// frame, answers that stream with `error`, then closes. Reads nothing on to
/// the handlers after it. Without a whole header within `timeout` it just
/// closes, so a refused client that sends nothing holds no slot for long.
///
/// Used for a plaintext client on a TLS port (it learns to use TLS instead
/// of reading a closed connection) and for a Unix peer whose uid is not
/// allowed (PERMISSION_DENIED, the reason named).
final class FirstRequestRefuser: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let error: RPCError
    private let timeout: TimeAmount
    private var received: ByteBuffer?
    private var timer: Scheduled<Void>?
    private var answered = false

    init(error: RPCError, timeout: TimeAmount) {
        self.error = error
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        self.timer = context.eventLoop.scheduleTask(in: self.timeout) { channel.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !self.answered else { return }
        var bytes = Self.unwrapInboundIn(data)
        if self.received == nil {
            self.received = bytes
        } else {
            self.received?.writeBuffer(&bytes)
        }
        guard let header = self.received?.peekFrameHeader() else { return }
        self.answered = true
        let frame = ErrorResponseCodec.makeFrame(
            streamID: header.streamID, error: self.error, allocator: context.channel.allocator)
        let channel = context.channel
        context.writeAndFlush(NIOAny(frame)).whenComplete { _ in channel.close(promise: nil) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {}

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension FirstRequestRefuser: Sendable {}
