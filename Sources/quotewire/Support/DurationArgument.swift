import ArgumentParser

/// A duration on the command line: `10` (seconds), `10s`, `500ms`, `2m`, `1h`, `1.5s`.
struct DurationArgument: ExpressibleByArgument, Sendable, Hashable, CustomStringConvertible {
    let duration: Duration
    let text: String

    init(_ duration: Duration, text: String) {
        self.duration = duration
        self.text = text
    }

    init?(argument: String) {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("us", 0.000_001), ("s", 1), ("m", 60), ("h", 3600)]
        var number = Substring(argument)
        var scale = 1.0
        for unit in units where argument.hasSuffix(unit.suffix) {
            number = argument.dropLast(unit.suffix.count)
            scale = unit.seconds
            break
        }
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        let seconds = value * scale
        guard seconds <= 366 * 86_400 else { return nil }
        duration = .nanoseconds(Int64(seconds * 1e9))
        text = argument
    }

    var description: String { text }

    var seconds: Double { duration.inSeconds }
}
