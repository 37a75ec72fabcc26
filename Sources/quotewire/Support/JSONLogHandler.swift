import Foundation
import Logging
import QuotewireModel

/// A swift-log handler that writes one JSON object per line to standard
/// error: `{"time":…,"level":…,"label":…,"message":…, metadata…}`, for log
/// collectors (`--log-format json`).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var members: [(key: String, value: JSONValue)] = [
            ("time", .string(Self.timestamp())),
            ("level", .string(event.level.rawValue)),
            ("label", .string(label)),
            ("message", .string(event.message.description)),
        ]
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        for key in merged.keys.sorted() {
            if let value = merged[key] { members.append((key, Self.json(value))) }
        }
        StandardError.write(JSONValue.object(members).serialized() + "\n")
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .stringConvertible(let convertible): return .string(convertible.description)
        case .array(let values): return .array(values.map(json))
        case .dictionary(let dictionary):
            return .object(dictionary.keys.sorted().compactMap { key in dictionary[key].map { (key, json($0)) } })
        }
    }

    private static func timestamp() -> String {
        let now = Date().timeIntervalSince1970
        let seconds = Int64(now.rounded(.down))
        return Timestamp(seconds: seconds, nanos: Int32((now - Double(seconds)) * 1000) * 1_000_000).rfc3339
    }
}
