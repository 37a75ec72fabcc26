import CoreMetrics
import NIOConcurrencyHelpers
import NIOCore
import QuotewireRPC

/// Records the server's activity through swift-metrics: calls by service,
/// method and status code, call latency, calls in flight, open connections
/// and bytes in and out. Metric objects are created once per dimension set
/// and reused (`quotewire_limit_reached_total{limit}` counts each time a
/// bound refused or cut short work); dimensions stay bounded because the server reports unknown
/// methods as one `unknown` bucket.
final class MetricsObserver: ServerObserver {
    private struct CallKey: Hashable {
        let method: MethodDescriptor
        let code: StatusCode
    }

    private let factory: any MetricsFactory
    private let inFlight: Meter
    private let connections: Meter
    private let bytesIn: Counter
    private let bytesOut: Counter
    private let counters = NIOLockedValueBox<[CallKey: Counter]>([:])
    private let timers = NIOLockedValueBox<[MethodDescriptor: CoreMetrics.Timer]>([:])
    private let limits: [ServerLimit: Counter]

    init(factory: any MetricsFactory) {
        self.factory = factory
        inFlight = Meter(label: "quotewire_calls_in_flight", factory: factory)
        connections = Meter(label: "quotewire_connections_open", factory: factory)
        bytesIn = Counter(label: "quotewire_received_bytes_total", factory: factory)
        bytesOut = Counter(label: "quotewire_sent_bytes_total", factory: factory)
        limits = Dictionary(
            uniqueKeysWithValues: ServerLimit.allCases.map { limit in
                (limit, Counter(label: "quotewire_limit_reached_total", dimensions: [("limit", limit.rawValue)], factory: factory))
            })
    }

    func connectionOpened(peer: SocketAddress?) { connections.increment() }
    func connectionClosed(peer: SocketAddress?) { connections.decrement() }
    func callStarted(_ method: MethodDescriptor) { inFlight.increment() }
    func bytesReceived(_ count: Int) { bytesIn.increment(by: count) }
    func bytesSent(_ count: Int) { bytesOut.increment(by: count) }
    func limitReached(_ limit: ServerLimit) { limits[limit]?.increment() }

    func callFinished(_ method: MethodDescriptor, code: StatusCode, duration: Duration) {
        inFlight.decrement()
        counter(for: CallKey(method: method, code: code)).increment()
        timer(for: method).recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    private func counter(for key: CallKey) -> Counter {
        counters.withLockedValue { counters in
            if let counter = counters[key] { return counter }
            let counter = Counter(
                label: "quotewire_calls_total",
                dimensions: [("service", key.method.service), ("method", key.method.method), ("code", key.code.description)],
                factory: factory)
            counters[key] = counter
            return counter
        }
    }

    private func timer(for method: MethodDescriptor) -> CoreMetrics.Timer {
        timers.withLockedValue { timers in
            if let timer = timers[method] { return timer }
            let timer = CoreMetrics.Timer(
                label: "quotewire_call_duration_seconds",
                dimensions: [("service", method.service), ("method", method.method)], factory: factory)
            timers[method] = timer
            return timer
        }
    }
}
