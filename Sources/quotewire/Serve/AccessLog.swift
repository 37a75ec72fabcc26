import Logging
import NIOCore
import QuotewireRPC

/// `serve --access-log`: one line per answered call, through swift-log
/// (label `quotewire.access`, level info) and so in the `--log-format`
/// chosen: time, peer, identity, service, method, status code, duration,
/// bytes in and out, article id and trace id. Never the article's text nor
/// the credentials: a ``CallRecord`` holds neither.
struct AccessLog: Sendable {
    let logger: Logger

    init(logger: Logger = Logger(label: "quotewire.access")) {
        self.logger = logger
    }

    func record(_ record: CallRecord) {
        self.logger.info("call", metadata: Self.metadata(record))
    }

    static func metadata(_ record: CallRecord) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "peer": "\(record.peer.map(Serve.describe) ?? "-")",
            "service": "\(record.method.service)",
            "method": "\(record.method.method)",
            "code": "\(record.code)",
            "duration_us": "\(record.duration.components.seconds * 1_000_000 + record.duration.components.attoseconds / 1_000_000_000_000)",
            "bytes_in": "\(record.requestBytes)",
            "bytes_out": "\(record.responseBytes)",
        ]
        if let certificate = record.identity.certificate {
            metadata["client_subject"] = "\(certificate.subject)"
            if !certificate.alternativeNames.isEmpty {
                metadata["client_san"] = "\(certificate.alternativeNames.joined(separator: ","))"
            }
        }
        if let credentials = record.identity.credentials {
            metadata["uid"] = "\(credentials.uid)"
            metadata["gid"] = "\(credentials.gid)"
            metadata["pid"] = "\(credentials.pid)"
        }
        if let articleID = record.articleID { metadata["article_id"] = "\(articleID)" }
        if let traceID = record.traceID { metadata["trace_id"] = "\(traceID)" }
        return metadata
    }
}
