import NIOCore
import NIOSSL
import NIOTLS

/// Behind a client's TLS handler: `handshake` succeeds when the handshake
/// completes and fails with a ``RPCError`` saying why when it does not
/// (UNAVAILABLE: a certificate the client does not trust, a server that
/// does not speak TLS, a server that refused the client's certificate).
///
/// It stays in the pipeline: with TLS 1.3 the server checks the client's
/// certificate after the client's side of the handshake is done, so a
/// refusal arrives as an alert later, which it passes on explained too.
final class TLSHandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let handshake: EventLoopPromise<Void>
    private let peer: String
    private var failure: (any Error)?
    private var isComplete = false

    /// - Parameter handshake: completed once, when the handshake completes or fails.
    init(peer: String, handshake: EventLoopPromise<Void>) {
        self.peer = peer
        self.handshake = handshake
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent {
            self.isComplete = true
            self.handshake.succeed()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if self.failure == nil { self.failure = error }
        let explained = self.explain(self.failure ?? error)
        self.handshake.fail(explained)
        context.fireErrorCaught(self.isComplete ? explained : error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.handshake.fail(self.explain(self.failure))
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.handshake.fail(self.explain(self.failure))
    }

    /// The message for a handshake that did not complete. BoringSSL names a
    /// first record that is not TLS `WRONG_VERSION_NUMBER`; a server that
    /// closes without a word (or with a ttrpc frame) during the handshake is
    /// most likely not a TLS server either.
    private func explain(_ error: (any Error)?) -> RPCError {
        let detail = error.map { "\($0)" } ?? "the connection closed"
        let hint: String
        if detail.contains("WRONG_VERSION_NUMBER") || detail.contains("PACKET_LENGTH_TOO_LONG")
            || detail.contains("uncleanShutdown") || error == nil
        {
            hint = ": the server does not speak TLS on this port (connect without tls: and --tls)"
        } else if detail.contains("CERTIFICATE_VERIFY_FAILED") || detail.contains("unableToValidateCertificate") {
            hint = ": the server's certificate is not trusted (check --tls-ca and --tls-server-name)"
        } else if detail.contains("CERTIFICATE_REQUIRED") || detail.contains("HANDSHAKE_FAILURE") || detail.contains("UNKNOWN_CA") {
            hint = ": the server refused this client's certificate (mutual TLS: check --tls-cert and --tls-key)"
        } else {
            hint = ""
        }
        return RPCError(code: .unavailable, message: "TLS handshake with \(self.peer) failed (\(detail))\(hint)")
    }
}

@available(*, unavailable)
extension TLSHandshakeWaiter: Sendable {}
