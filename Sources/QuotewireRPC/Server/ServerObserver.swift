import NIOCore

/// Hooks for metrics and logging of a server: every method has a no-op
/// default, so an observer implements only what it records.
///
/// Methods are called on event loops, in the middle of I/O: keep them cheap
/// and non-blocking.
public protocol ServerObserver: Sendable {
    /// A connection was accepted.
    func connectionOpened(peer: SocketAddress?)
    /// A connection closed.
    func connectionClosed(peer: SocketAddress?)
    /// A call started (after routing; unknown names arrive as ``MethodDescriptor/unknown``).
    func callStarted(_ method: MethodDescriptor)
    /// A call was answered.
    func callFinished(_ method: MethodDescriptor, code: StatusCode, duration: Duration)
    /// Frame bytes arrived (headers included).
    func bytesReceived(_ count: Int)
    /// Frame bytes were written (headers included).
    func bytesSent(_ count: Int)
    /// A bound refused or cut short some work.
    func limitReached(_ limit: ServerLimit)
}

extension ServerObserver {
    public func connectionOpened(peer: SocketAddress?) {}
    public func connectionClosed(peer: SocketAddress?) {}
    public func callStarted(_ method: MethodDescriptor) {}
    public func callFinished(_ method: MethodDescriptor, code: StatusCode, duration: Duration) {}
    public func bytesReceived(_ count: Int) {}
    public func bytesSent(_ count: Int) {}
    public func limitReached(_ limit: ServerLimit) {}
}
