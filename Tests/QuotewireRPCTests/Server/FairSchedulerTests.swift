import Testing

@testable import QuotewireRPC

@Suite("FairScheduler")
struct FairSchedulerTests {
    final class Party {}

    @Test("starts jobs while threads are free, then one per finished job")
    func fillsTheSlots() {
        let party = Party()
        let a = ObjectIdentifier(party)
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
        let parties = [Party(), Party(), Party()]  // alive throughout, so their identifiers differ
        let (a, b, c) = (ObjectIdentifier(parties[0]), ObjectIdentifier(parties[1]), ObjectIdentifier(parties[2]))
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

    @Test("the express thread takes small jobs only, so a small call never waits for large ones")
    func expressThreadForSmallJobs() {
        let parties = [Party(), Party()]  // alive throughout, so their identifiers differ
        let (hostile, honest) = (ObjectIdentifier(parties[0]), ObjectIdentifier(parties[1]))
        var scheduler = FairScheduler<String>(slots: 2, expressSlots: 1)
        var started: [String] = []
        for index in 0..<4 { started += scheduler.enqueue("big\(index)", party: hostile) }
        #expect(started == ["big0", "big1"], "a large job does not take the express thread")
        #expect(scheduler.enqueue("small", party: honest, isSmall: true) == ["small"])
        #expect(scheduler.runningJobs == 3)
        #expect(scheduler.enqueue("small2", party: honest, isSmall: true) == [], "every thread is busy")
        // The small job ends: its thread is express again, so the next large job still waits.
        #expect(scheduler.finished(party: honest) == ["small2"])
        #expect(scheduler.finished(party: honest) == [])
        #expect(scheduler.finished(party: hostile) == ["big2"])
    }
}
