import Logging
import NIOCore
import NIOSSL
import NIOTLS

/// The front of a server connection on a TLS listener.
///
/// Its first byte tells a TLS client (a handshake record, 0x16) from a
/// plaintext one (a ttrpc header, whose first byte is the top of a length
/// and so 0 for any frame the server accepts). A TLS client gets a TLS
/// handler, put in front of the gate with the context current at that
/// moment (``ServerTLS/reload()`` affects later connections only); a
/// plaintext client gets its first call answered with an error saying the
/// port speaks TLS, then the connection closes.
///
/// The handshake must complete within `timeout` or the connection closes:
/// the connection holds a slot of the connection limit from accept on, so a
/// flood of clients that never finish the handshake cannot hold the slots
/// for long. Once it completes, the verified client certificate's names go
/// down the pipeline as a ``PeerIdentityEvent``.
final class TLSGate: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private enum State {
        case sniffing
        case handshaking
        case passing
    }

    private let tls: ServerTLS
    private let timeout: TimeAmount
    private let logger: Logger
    private var state = State.sniffing
    private var timer: Scheduled<Void>?

    init(tls: ServerTLS, timeout: TimeAmount, logger: Logger) {
        self.tls = tls
        self.timeout = timeout
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let logger = self.logger
        let timeout = self.timeout
        self.timer = context.eventLoop.scheduleTask(in: timeout) {
            logger.debug(
                "Closing a connection whose TLS handshake did not complete in time",
                metadata: ["peer": "\(channel.remoteAddress.map { "\($0)" } ?? "?")", "timeout_ms": "\(timeout.nanoseconds / 1_000_000)"])
            channel.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .sniffing = self.state else {
            context.fireChannelRead(data)
            return
        }
        let bytes = Self.unwrapInboundIn(data)
        guard let first = bytes.getInteger(at: bytes.readerIndex, as: UInt8.self) else { return }
        if first == 0x16 {
            self.state = .handshaking
            do {
                try context.pipeline.syncOperations.addHandler(self.tls.makeHandler(), position: .first)
            } catch {
                context.close(promise: nil)
                return
            }
            // From the head, so that the TLS handler now in front of the gate reads it.
            context.pipeline.fireChannelRead(data)
        } else {
            self.state = .passing
            let refusal = RPCError(
                code: .failedPrecondition,
                message: "this port speaks TLS: connect with tls:HOST:PORT (quotewire: --tls, --tls-ca FILE)")
            do {
                try context.pipeline.syncOperations.addHandler(
                    FirstRequestRefuser(error: refusal, timeout: self.timeout), position: .after(self))
            } catch {
                context.close(promise: nil)
                return
            }
            context.fireChannelRead(data)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent {
            self.state = .passing
            self.timer?.cancel()
            self.timer = nil
            let certificate = try? context.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self).peerCertificate
            if let certificate {
                context.fireUserInboundEventTriggered(
                    PeerIdentityEvent(identity: PeerIdentity(certificate: CertificateIdentity(certificate))))
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if case .handshaking = self.state {
            self.logger.debug(
                "TLS handshake failed",
                metadata: ["peer": "\(context.channel.remoteAddress.map { "\($0)" } ?? "?")", "error": "\(error)"])
            context.close(promise: nil)
            return
        }
        context.fireErrorCaught(error)
    }
}

@available(*, unavailable)
extension TLSGate: Sendable {}
