/// The async work of one call (an asynchronous unary handler or a stream),
/// run as a child task of the server's ``TTRPCServer/run()``: structured, so
/// the server's run ends only after every handler has.
struct HandlerJob: Sendable {
    let work: @Sendable () async -> Void
    /// Fired when the call is answered: the work is no longer wanted.
    let cancellation: OneShotEvent

    /// Runs the work until it ends; when the call is answered first, cancels it
    /// (the work sees `Task.isCancelled`) and waits for it to stop.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.work() }
            group.addTask { await self.cancellation.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
