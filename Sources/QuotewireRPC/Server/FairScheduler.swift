/// Chooses which queued job runs next on a pool of threads, fairly between
/// the parties that queued them (connections): the next job comes from the
/// party with the fewest jobs running, and among those from the one whose
/// turn came least recently. So a client with a long backlog takes at most
/// its share of the threads, and a newcomer's job runs as soon as a thread
/// frees, not after the backlog.
///
/// Besides its `slots` threads for any job, the pool has `expressSlots`
/// threads that take only small jobs: a small call (an honest 16 KiB
/// Analyze) starts at once even while every other thread is busy with a
/// large one, sharing the CPU with it instead of waiting for it to end.
struct FairScheduler<Job> {
    fileprivate struct Queued {
        let job: Job
        let isSmall: Bool
    }

    /// Threads that run any job.
    let slots: Int
    /// Further threads that run small jobs only.
    let expressSlots: Int
    private var queues: [ObjectIdentifier: [Queued]] = [:]
    /// Parties with queued jobs, least recently served first.
    private var turns: [ObjectIdentifier] = []
    private var running: [ObjectIdentifier: Int] = [:]
    private(set) var runningJobs = 0

    init(slots: Int, expressSlots: Int = 0) {
        self.slots = max(1, slots)
        self.expressSlots = max(0, expressSlots)
    }

    /// Jobs waiting for a thread.
    var queuedJobs: Int { self.queues.values.reduce(0) { $0 + $1.count } }

    /// Queues `job` of `party` (`isSmall`: it may take an express thread);
    /// returns the jobs to start now.
    mutating func enqueue(_ job: Job, party: ObjectIdentifier, isSmall: Bool = false) -> [Job] {
        if self.queues[party, default: []].isEmpty { self.turns.append(party) }
        self.queues[party, default: []].append(Queued(job: job, isSmall: isSmall))
        return self.startable()
    }

    /// A job of `party` finished; returns the jobs to start now.
    mutating func finished(party: ObjectIdentifier) -> [Job] {
        self.runningJobs -= 1
        let left = (self.running[party] ?? 1) - 1
        self.running[party] = left > 0 ? left : nil
        return self.startable()
    }

    private mutating func startable() -> [Job] {
        var started: [Job] = []
        while self.runningJobs < self.slots + self.expressSlots,
            let job = self.next(smallOnly: self.runningJobs >= self.slots)
        {
            started.append(job)
        }
        return started
    }

    /// Takes the next job: the first party in turn order among those with
    /// the fewest running (with `smallOnly`, among those whose next job is small).
    private mutating func next(smallOnly: Bool) -> Job? {
        let eligible = self.turns.indices.filter { !smallOnly || self.queues[self.turns[$0]]?.first?.isSmall == true }
        guard let index = eligible.min(by: { self.running[self.turns[$0], default: 0] < self.running[self.turns[$1], default: 0] })
        else { return nil }
        let party = self.turns.remove(at: index)
        guard var queue = self.queues.removeValue(forKey: party), !queue.isEmpty else { return nil }
        let job = queue.removeFirst().job
        if !queue.isEmpty {
            self.queues[party] = queue
            self.turns.append(party)
        }
        self.running[party, default: 0] += 1
        self.runningJobs += 1
        return job
    }
}

extension FairScheduler: Sendable where Job: Sendable {}
extension FairScheduler.Queued: Sendable where Job: Sendable {}
