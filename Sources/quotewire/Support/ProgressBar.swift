/// A one-line progress bar on standard error, drawn only when standard error
/// is a terminal and the batch is large enough to be worth it.
struct ProgressBar {
    let total: Int
    let enabled: Bool
    private var lastDrawn = -1

    init(total: Int, threshold: Int = 20) {
        self.total = total
        self.enabled = total >= threshold && StandardError.isTerminal
    }

    mutating func update(done: Int, failed: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != lastDrawn || done == total else { return }
        lastDrawn = percent
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        StandardError.write("\r\(bar) \(done)/\(total) \(percent)%" + (failed > 0 ? " (\(failed) failed)" : ""))
    }

    func finish() {
        guard enabled else { return }
        StandardError.write("\r\u{1B}[2K")
    }
}
