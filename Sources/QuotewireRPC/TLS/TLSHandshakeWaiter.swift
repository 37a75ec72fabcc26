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

    /// The message for a failed handshake: what went wrong in words, then
    /// the TLS library's reason. BoringSSL names a first record that is not
    /// TLS `WRONG_VERSION_NUMBER`; a server that closes without a word during
    /// the handshake is most likely not a TLS server either.
    private func explain(_ error: (any Error)?) -> RPCError {
        let detail = error.map { "\($0)" } ?? "the connection closed"
        let reason = Self.reason(detail)
        let what: String
        if ["WRONG_VERSION_NUMBER", "PACKET_LENGTH_TOO_LONG", "uncleanShutdown"].contains(where: reason.contains)
            || error == nil
        {
            what = "the server does not speak TLS on this port (connect without tls: and --tls)"
        } else if ["CERTIFICATE_VERIFY_FAILED", "unableToValidateCertificate"].contains(where: reason.contains) {
            what = "the server's certificate is not trusted (check --tls-ca and --tls-server-name)"
        } else if ["CERTIFICATE_REQUIRED", "HANDSHAKE_FAILURE", "UNKNOWN_CA", "BAD_CERTIFICATE"].contains(where: reason.contains) {
            what = "the server refused this client's certificate (mutual TLS: check --tls-cert and --tls-key)"
        } else {
            what = "the TLS handshake failed"
        }
        let phase = self.isComplete ? "TLS connection to" : "TLS handshake with"
        return RPCError(code: .unavailable, message: "\(phase) \(self.peer) failed: \(what) [\(reason)]")
    }

    /// BoringSSL's reason (`...:OPENSSL_internal:REASON at file:line`), or the whole text.
    private static func reason(_ detail: String) -> String {
        guard let start = detail.firstRange(of: "OPENSSL_internal:") else { return detail }
        let rest = detail[start.upperBound...]
        return String(rest[..<(rest.firstRange(of: " at ")?.lowerBound ?? rest.endIndex)])
    }
}

@available(*, unavailable)
extension TLSHandshakeWaiter: Sendable {}
