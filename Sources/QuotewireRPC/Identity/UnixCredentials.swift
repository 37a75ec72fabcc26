import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The credentials of the process at the other end of a Unix socket, as the
/// kernel recorded them when it connected (`SO_PEERCRED`).
public struct UnixCredentials: Sendable, Hashable {
    public var uid: UInt32
    public var gid: UInt32
    public var pid: Int32

    public init(uid: UInt32, gid: UInt32, pid: Int32) {
        self.uid = uid
        self.gid = gid
        self.pid = pid
    }

    /// Reads the peer's credentials of a connected Unix socket channel; fails
    /// on other channels or when the kernel does not tell.
    static func of(_ channel: any Channel) -> EventLoopFuture<UnixCredentials> {
        #if os(Linux)
            guard let provider = channel as? any SocketOptionProvider else {
                return channel.eventLoop.makeFailedFuture(
                    RPCError(code: .internal, message: "the channel has no socket to ask for peer credentials"))
            }
            let future: EventLoopFuture<PeerCredentials> = provider.unsafeGetSocketOption(
                level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
            return future.map { UnixCredentials(uid: $0.uid, gid: $0.gid, pid: $0.pid) }
        #else
            return channel.eventLoop.makeFailedFuture(
                RPCError(code: .unimplemented, message: "peer credentials are read on Linux only"))
        #endif
    }
}

#if os(Linux)
    /// `struct ucred` of <sys/socket.h> (declared only with _GNU_SOURCE, so
    /// not imported): what `SO_PEERCRED` fills in.
    private struct PeerCredentials: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }
#endif
