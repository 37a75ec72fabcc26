/// Chooses which queued job runs next on a pool of `slots` threads, fairly
/// between the parties that queued them (connections): the next job comes
/// from the party with the fewest jobs running, and among those from the one
/// whose turn came least recently. So a client with a long backlog takes at
/// most its share of the threads, and a newcomer's job runs as soon as a
/// thread frees, not after the backlog.
struct FairScheduler<Job> {
    /// Threads that run jobs.
    let slots: Int
    private var queues: [ObjectIdentifier: [Job]] = [:]
    /// Parties with queued jobs, least recently served first.
    private var turns: [ObjectIdentifier] = []
    private var running: [ObjectIdentifier: Int] = [:]
    private(set) var runningJobs = 0

    init(slots: Int) {
        self.slots = max(1, slots)
    }

    /// Jobs waiting for a thread.
    var queuedJobs: Int { self.queues.values.reduce(0) { $0 + $1.count } }

    /// Queues `job` of `party`; returns the jobs to start now.
    mutating func enqueue(_ job: Job, party: ObjectIdentifier) -> [Job] {
        if self.queues[party, default: []].isEmpty { self.turns.append(party) }
        self.queues[party, default: []].append(job)
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
        while self.runningJobs < self.slots, let job = self.next() {
            started.append(job)
        }
        return started
    }

    /// Takes the next job: the first party in turn order among those with the fewest running.
    private mutating func next() -> Job? {
        guard let index = self.turns.indices.min(by: { self.running[self.turns[$0], default: 0] < self.running[self.turns[$1], default: 0] })
        else { return nil }
        let party = self.turns.remove(at: index)
        guard var queue = self.queues.removeValue(forKey: party), !queue.isEmpty else { return self.next() }
        let job = queue.removeFirst()
        if !queue.isEmpty {
            self.queues[party] = queue
            self.turns.append(party)
        }
        self.running[party, default: 0] += 1
        self.runningJobs += 1
        return job
    }
}
