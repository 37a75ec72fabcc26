import Testing

@testable import QuotewireRPC

@Suite("InboundBudget")
struct InboundBudgetTests {
    @Test("goes over budget above the limit and reports the way back exactly once")
    func crossesTheLimitBothWays() {
        let overhead = InboundBudget.messageOverhead
        let budget = InboundBudget(limit: 100 + 2 * overhead)
        #expect(!budget.add(50))
        #expect(!budget.add(50))
        #expect(budget.add(1))  // 101 bytes + 3 overheads > limit
        #expect(budget.queuedBytes == 101 + 3 * overhead)
        #expect(budget.release(1))  // back to the limit
        #expect(!budget.release(50))
        #expect(!budget.release(50))
        #expect(budget.queuedBytes == 0)
    }

    @Test("empty messages count too")
    func emptyMessagesCost() {
        let budget = InboundBudget(limit: 10 * InboundBudget.messageOverhead)
        for _ in 0..<10 { #expect(!budget.add(0)) }
        #expect(budget.add(0))
    }

    @Test("the stream reports each message its handler takes")
    func streamReportsConsumption() async throws {
        let taken = Locked<[Int]>([])
        let (stream, continuation) = RawRequestStream.makeStream { count in taken.withLock { $0.append(count) } }
        continuation.yield([1, 2, 3])
        continuation.yield([])
        continuation.finish()
        var messages: [[UInt8]] = []
        for try await message in stream { messages.append(message) }
        #expect(messages == [[1, 2, 3], []])
        #expect(taken.withLock { $0 } == [3, 0])
    }
}
