/// A bound of the server that refused or cut short some work; reported to
/// ``ServerObserver/limitReached(_:)`` (the `quotewire_limit_reached_total`
/// metric) each time it acts.
public enum ServerLimit: String, Sendable, Hashable, CaseIterable {
    /// A call's answer would pass ``ServerConfiguration/maxResponseBytes``.
    case responseBytes = "response_bytes"
    /// A connection's unread answers passed ``ServerConfiguration/maxQueuedResponseBytes``.
    case queuedResponseBytes = "queued_response_bytes"
    /// Offloaded work passed ``ServerConfiguration/maxQueuedWorkBytes``.
    case queuedWorkBytes = "queued_work_bytes"
    /// A connection had ``ServerConfiguration/maxStreamsPerConnection`` calls open.
    case streamsPerConnection = "streams_per_connection"
    /// The server had ``ServerConfiguration/maxCalls`` calls open.
    case calls = "calls"
    /// A stream saw no message for ``ServerConfiguration/streamIdleTimeout``.
    case streamIdle = "stream_idle"
    /// A connection presented no valid token within the idle timeout.
    case unauthenticated = "unauthenticated"
    /// A connection's streams held more than ``ServerConfiguration/maxQueuedStreamBytes``
    /// of messages (it stopped reading until they caught up).
    case queuedStreamBytes = "queued_stream_bytes"
    /// A connection flushed nothing of its unread answers for the idle timeout.
    case stalledWrites = "stalled_writes"
}
