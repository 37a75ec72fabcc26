import NIOCore
import NIOSSL

/// The TLS part of opening a client connection to a `.tls` endpoint: adds
/// the TLS handler and a ``TLSHandshakeWaiter`` in front of the framing, and
/// waits for the handshake before the connection is handed out, so that a
/// failed handshake is the connect's error (with its reason) rather than a
/// failed call.
struct TLSConnector: Sendable {
    private let tls: ClientTLS
    private let serverName: String?
    private let handshake: EventLoopPromise<Void>

    /// `nil` for endpoints without TLS; throws (UNAVAILABLE) when the
    /// default TLS context cannot be built.
    init?(endpoint: ResolvedEndpoint, configuration: ClientConfiguration, eventLoop: any EventLoop) throws(RPCError) {
        guard case .tls(_, let host) = endpoint else { return nil }
        do {
            self.tls = try configuration.tls ?? ClientTLS()
        } catch {
            throw RPCError(code: .unavailable, message: "cannot set up TLS: \(error)")
        }
        self.serverName = self.tls.serverName(forHost: host)
        self.handshake = eventLoop.makePromise()
    }

    /// Adds the handlers; on the channel's loop, from its initializer.
    func addHandlers(to channel: any Channel, peer: String) throws {
        try channel.pipeline.syncOperations.addHandler(self.tls.makeHandler(serverName: self.serverName))
        try channel.pipeline.syncOperations.addHandler(TLSHandshakeWaiter(peer: peer, handshake: self.handshake))
    }

    /// The connection attempt failed before there was a channel.
    func abandon(_ error: any Error) {
        self.handshake.fail(error)
    }

    /// Returns once the handshake completed; throws its reason otherwise,
    /// or when it takes longer than `timeout`, and closes the channel.
    func waitForHandshake(on channel: any Channel, peer: String, timeout: Duration) async throws(RPCError) {
        let handshake = self.handshake
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            handshake.fail(
                RPCError(code: .unavailable, message: "TLS handshake with \(peer) did not complete within \(timeout)"))
        }
        do {
            try await handshake.futureResult.get()
            timer.cancel()
        } catch {
            timer.cancel()
            channel.close(promise: nil)
            throw RPCError(mapping: error)
        }
    }
}
