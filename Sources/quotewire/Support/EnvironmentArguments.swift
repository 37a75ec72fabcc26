import Foundation

/// Turns `QUOTEWIRE_*` environment variables into command-line options of the
/// subcommand being run, so `QUOTEWIRE_PORT=9000 quotewire serve` is
/// `quotewire serve --port 9000`. An option given on the command line wins;
/// a bad value is reported by the parser like any other, naming the option.
struct EnvironmentArguments {
    /// An option that a `QUOTEWIRE_*` variable may set.
    struct Option: Sendable {
        /// The long name without dashes, e.g. `max-frame-bytes`.
        let name: String
        /// A flag takes no value: the variable turns it on when it is 1, true or yes.
        var isFlag = false

        /// `max-frame-bytes` → `QUOTEWIRE_MAX_FRAME_BYTES`.
        var variable: String {
            "QUOTEWIRE_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
        }
    }

    /// The options each subcommand reads from the environment.
    let options: [String: [Option]]

    func apply(to arguments: [String], environment: [String: String]) -> [String] {
        guard let command = arguments.first, let commandOptions = options[command] else { return arguments }
        let terminator = arguments.firstIndex(of: "--") ?? arguments.endIndex
        let given = arguments[..<terminator]
        var added: [String] = []
        for option in commandOptions {
            let flag = "--" + option.name
            let alreadyGiven = given.contains { $0 == flag || $0.hasPrefix(flag + "=") }
            guard !alreadyGiven, let value = environment[option.variable] else { continue }
            if option.isFlag {
                if ["1", "true", "yes"].contains(value.lowercased()) { added.append(flag) }
            } else {
                added.append(flag + "=" + value)
            }
        }
        var result = arguments
        result.insert(contentsOf: added, at: terminator)
        return result
    }
}
