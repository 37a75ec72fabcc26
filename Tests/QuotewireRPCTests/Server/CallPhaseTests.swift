import NIOCore
import QuotewireModel
import Testing

@testable import QuotewireRPC

/// A call's phase and what answers it, without a connection: forward-only
/// transitions, one answer per call, and which timeout is due when.
@Suite struct CallPhaseTests {
    static func call(
        streaming: Bool, deadline: NIODeadline? = nil, lastActivity: NIODeadline = .uptimeNanoseconds(0),
        phase: CallPhase? = nil
    ) -> ServerCall {
        ServerCall(
            id: 1, method: MethodDescriptor(service: "s", method: "m"), started: .uptimeNanoseconds(0),
            isStreaming: streaming, deadline: deadline, phase: phase ?? (streaming ? .receiving : .running),
            cancellation: CancellationFlag(), lastActivity: lastActivity)
    }

    @Test func transitionsOnlyGoForward() {
        #expect(CallPhase.receiving.clientClosed() == .running)
        #expect(CallPhase.running.clientClosed() == .running)
        #expect(CallPhase.answered(.deadline).clientClosed() == .answered(.deadline))
        #expect(CallPhase.receiving.acceptsMessages)
        #expect(!CallPhase.running.acceptsMessages)
        #expect(!CallPhase.answered(.handler).acceptsMessages)
    }

    @Test func aCallIsAnsweredOnceAndALaterAnswerIsDropped() {
        let answered = CallPhase.running.answered(by: .deadline)
        #expect(answered == .answered(.deadline))
        #expect(answered?.answered(by: .handler) == nil, "the handler's late outcome must be dropped")
        #expect(CallPhase.receiving.answered(by: .shutdownGrace) == .answered(.shutdownGrace))
    }

    @Test func theDeadlineIsDueAtItsTimeForEveryCall() {
        let deadline = NIODeadline.uptimeNanoseconds(1_000)
        for streaming in [false, true] {
            let call = Self.call(streaming: streaming, deadline: deadline, lastActivity: .uptimeNanoseconds(900))
            #expect(call.due(at: .uptimeNanoseconds(999), streamIdleTimeout: nil) == nil)
            #expect(call.due(at: deadline, streamIdleTimeout: nil) == .deadline)
            #expect(call.due(at: deadline, streamIdleTimeout: .nanoseconds(1)) == .deadline, "the deadline comes first")
        }
    }

    @Test func onlyStreamsGoIdle() {
        let idleSince = NIODeadline.uptimeNanoseconds(100)
        let stream = Self.call(streaming: true, lastActivity: idleSince)
        #expect(stream.due(at: idleSince + .nanoseconds(49), streamIdleTimeout: .nanoseconds(50)) == nil)
        #expect(stream.due(at: idleSince + .nanoseconds(50), streamIdleTimeout: .nanoseconds(50)) == .streamIdle)
        #expect(stream.due(at: .distantFuture, streamIdleTimeout: nil) == nil, "no idle timeout set")
        let unary = Self.call(streaming: false, lastActivity: idleSince)
        #expect(unary.due(at: .distantFuture, streamIdleTimeout: .nanoseconds(50)) == nil)
    }

    @Test func nothingIsDueOnceAnswered() {
        let call = Self.call(
            streaming: true, deadline: .uptimeNanoseconds(1), phase: .answered(.handler))
        #expect(call.due(at: .distantFuture, streamIdleTimeout: .nanoseconds(1)) == nil)
    }
}
