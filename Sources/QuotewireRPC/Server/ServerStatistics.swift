import NIOCore

/// A snapshot of what a server holds, for tests and diagnostics: what a bad
/// client could make grow.
struct ServerStatistics: Sendable, Equatable {
    /// Connections accepted and not yet closed.
    var openConnections: Int
    /// Calls awaiting an answer (offloaded, asynchronous and streaming ones).
    var liveCalls: Int
    /// Handler tasks that have not finished.
    var runningTasks: Int
    /// Response bytes written but not yet accepted by the sockets, over all connections.
    var bufferedOutboundBytes: Int
}

extension TTRPCServer {
    /// What the server holds right now.
    func statistics() async -> ServerStatistics {
        let connections = self.state.openConnections
        var buffered = 0
        for connection in connections {
            buffered += (try? await connection.getOption(.bufferedWritableBytes).get()) ?? 0
        }
        return ServerStatistics(
            openConnections: connections.count, liveCalls: self.state.liveCalls,
            runningTasks: self.state.runningTasks, bufferedOutboundBytes: buffered)
    }
}
