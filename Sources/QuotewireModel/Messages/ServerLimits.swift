/// The limits a server enforces (`quotewire.v1.ServerLimits`).
public struct ServerLimits: Sendable, Hashable {
    /// Largest frame payload accepted, in bytes.
    public var maxFrameBytes: UInt32
    /// Most connections served at once.
    public var maxConnections: UInt32
    /// Most concurrent calls on one connection.
    public var maxStreamsPerConnection: UInt32
    /// Idle connections are closed after this long, in milliseconds (0: never).
    public var idleTimeoutMillis: Int64
    /// How long in-flight calls may run after a shutdown starts, in milliseconds.
    public var shutdownGraceMillis: Int64

    public init(
        maxFrameBytes: UInt32 = 0, maxConnections: UInt32 = 0, maxStreamsPerConnection: UInt32 = 0,
        idleTimeoutMillis: Int64 = 0, shutdownGraceMillis: Int64 = 0
    ) {
        self.maxFrameBytes = maxFrameBytes
        self.maxConnections = maxConnections
        self.maxStreamsPerConnection = maxStreamsPerConnection
        self.idleTimeoutMillis = idleTimeoutMillis
        self.shutdownGraceMillis = shutdownGraceMillis
    }
}
