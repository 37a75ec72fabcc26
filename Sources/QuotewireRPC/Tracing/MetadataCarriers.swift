import Instrumentation
import QuotewireModel

/// Reads trace context (`traceparent`, `tracestate`) from a call's metadata.
struct MetadataExtractor: Extractor {
    func extract(key: String, from carrier: Metadata) -> String? {
        carrier[key]
    }
}

/// Writes trace context into the metadata of an outgoing call, replacing a
/// value of the same key.
struct MetadataInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [KeyValue]) {
        let lowered = key.lowercased()
        carrier.removeAll { $0.key.lowercased() == lowered }
        carrier.append(KeyValue(key: lowered, value: value))
    }
}
