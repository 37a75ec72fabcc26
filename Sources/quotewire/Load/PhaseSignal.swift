import Foundation

/// Moves a load run's statistics to the next phase on every SIGUSR1, so
/// that whoever injects a fault can split the run exactly where the fault
/// starts and ends; each move is noted on stderr.
final class PhaseSignal {
    private let source: any DispatchSourceSignal

    init(statistics: LoadStatistics) {
        signal(SIGUSR1, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: DispatchQueue(label: "quotewire.load.phases"))
        source.setEventHandler {
            if let name = statistics.advancePhase() {
                StandardError.write("load: phase \(name)\n")
            } else {
                StandardError.write("load: SIGUSR1 after the last phase, ignored\n")
            }
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
    }
}
