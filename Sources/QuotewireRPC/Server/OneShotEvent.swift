import struct NIOConcurrencyHelpers.NIOLockedValueBox
import Synchronization

/// Something that happens once and that a task can wait for: the end of a
/// call (a ``HandlerJob`` races its work against it, since a task group
/// offers no handle to cancel one child) or a shutdown request.
final class OneShotEvent: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Void, Never>?)
        case fired
    }

    private let state = NIOLockedValueBox(State.waiting(nil))

    /// Whether ``fire()`` was called.
    var hasFired: Bool {
        self.state.withLockedValue { if case .fired = $0 { return true } else { return false } }
    }

    /// Fires the event, waking the waiter; calling it again does nothing.
    func fire() {
        let waiter = self.state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            guard case .waiting(let waiter) = state else { return nil }
            state = .fired
            return waiter
        }
        waiter?.resume()
    }

    /// Returns once ``fire()`` was called, or the waiting task is cancelled.
    /// One waiter at a time.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = self.state.withLockedValue { state -> Bool in
                    guard case .waiting = state, !Task.isCancelled else { return true }
                    state = .waiting(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = self.state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
                guard case .waiting(let waiter) = state else { return nil }
                state = .waiting(nil)
                return waiter
            }
            waiter?.resume()
        }
    }
}
