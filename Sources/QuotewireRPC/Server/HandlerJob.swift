/// The async work of one call (an asynchronous unary handler or a stream),
/// run as a child task of the server's ``TTRPCServer/run()``: structured, so
/// the server's run ends only after every handler has.
struct HandlerJob: Sendable {
    let work: @Sendable () async -> Void
    /// Fired when the call is answered (the work is no longer wanted), and
    /// by the work itself when it ends.
    let cancellation: OneShotEvent

    /// Runs the work in a child task and waits for ``cancellation``: when the
    /// call is answered before the work ends, cancels the work (it sees
    /// `Task.isCancelled`) and waits for it to stop.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await self.work()
                self.cancellation.fire()
            }
            await self.cancellation.wait()
            group.cancelAll()
        }
    }
}
