import ArgumentParser
import QuotewireRPC

/// How a client copes with the network: connect timeout, keepalive probing, DNS refresh.
struct NetworkOptions: ParsableArguments {
    @Option(help: "Time a connection attempt may take, e.g. 2s.")
    var connectTimeout = DurationArgument(.seconds(2), text: "2s")

    @Option(
        help: ArgumentHelp(
            "Probe a connection after this much silence (0: never).",
            discussion:
                "A connection that then stays silent for --keepalive-timeout is closed: its calls fail over to other endpoints and it is reconnected in the background."
        ))
    var keepalive = DurationArgument(.seconds(1), text: "1s")

    @Option(help: "Silence after a keepalive probe after which the connection is given up.")
    var keepaliveTimeout = DurationArgument(.seconds(1), text: "1s")

    @Option(help: "How often a dns:name:port target is resolved again, e.g. 30s.")
    var dnsRefresh = DurationArgument(.seconds(30), text: "30s")

    func validate() throws {
        for (flag, value) in [
            ("--connect-timeout", connectTimeout), ("--keepalive-timeout", keepaliveTimeout), ("--dns-refresh", dnsRefresh),
        ] where value.duration <= .zero {
            throw ValidationError("\(flag) must be more than 0")
        }
    }

    func apply(to configuration: inout ClientConfiguration) {
        configuration.connectTimeout = connectTimeout.duration
        configuration.keepalive =
            keepalive.duration > .zero ? Keepalive(interval: keepalive.duration, timeout: keepaliveTimeout.duration) : nil
        configuration.dnsRefreshInterval = dnsRefresh.duration
    }
}
