import Testing

@testable import QuotewireRPC

@Suite("FairScheduler")
struct FairSchedulerTests {
    final class Party {}

    @Test("starts jobs while threads are free, then one per finished job")
    func fillsTheSlots() {
        let a = ObjectIdentifier(Party())
        var scheduler = FairScheduler<String>(slots: 2)
        #expect(scheduler.enqueue("a1", party: a) == ["a1"])
        #expect(scheduler.enqueue("a2", party: a) == ["a2"])
        #expect(scheduler.enqueue("a3", party: a) == [])
        #expect(scheduler.queuedJobs == 1)
        #expect(scheduler.finished(party: a) == ["a3"])
        #expect(scheduler.finished(party: a) == [])
        #expect(scheduler.finished(party: a) == [])
        #expect(scheduler.runningJobs == 0)
    }

    @Test("a newcomer's job runs on the next free thread, ahead of another party's backlog")
    func newcomerGoesFirst() {
        let hostile = Party(), honest = Party()
        let (h, o) = (ObjectIdentifier(hostile), ObjectIdentifier(honest))
        var scheduler = FairScheduler<String>(slots: 2)
        var started: [String] = []
        for index in 0..<20 { started += scheduler.enqueue("h\(index)", party: h) }
        #expect(started == ["h0", "h1"])
        #expect(scheduler.enqueue("honest", party: o) == [])
        #expect(scheduler.finished(party: h) == ["honest"])
        #expect(scheduler.finished(party: h) == ["h2"])
    }

    @Test("parties with backlogs take turns, each holding at most its share of the threads")
    func roundRobin() {
        let (a, b, c) = (ObjectIdentifier(Party()), ObjectIdentifier(Party()), ObjectIdentifier(Party()))
        var scheduler = FairScheduler<String>(slots: 2)
        var started: [String] = []
        for index in 0..<3 {
            started += scheduler.enqueue("a\(index)", party: a)
            started += scheduler.enqueue("b\(index)", party: b)
            started += scheduler.enqueue("c\(index)", party: c)
        }
        #expect(started == ["a0", "b0"])
        // a finishes: c has none running and waited longest.
        #expect(scheduler.finished(party: a) == ["c0"])
        #expect(scheduler.finished(party: b) == ["a1"])
        #expect(scheduler.finished(party: c) == ["b1"])
        #expect(scheduler.finished(party: a) == ["c1"])
    }
}
