import Foundation
import QuotewireModel

/// What one load run calls, with every request encoded up front so that the
/// measurement is of the server, not of this client's encoder.
struct LoadWorkload: Sendable {
    let service: String
    let method: String
    /// Encoded request payloads, cycled through.
    let payloads: [[UInt8]]
    /// Whether a failed call may be retried on another endpoint.
    let isIdempotent: Bool

    var summary: String { "\(service)/\(method)" }

    static func ping(size: Int) -> LoadWorkload {
        let payload = (try? PingRequest(payload: [UInt8](repeating: 0x71, count: size)).protobufBytes()) ?? []
        return LoadWorkload(service: "quotewire.v1.Server", method: "Ping", payloads: [payload], isIdempotent: true)
    }

    static func health(service: String) throws -> LoadWorkload {
        let payload = try HealthCheckRequest(service: service).protobufBytes()
        return LoadWorkload(service: "grpc.health.v1.Health", method: "Check", payloads: [payload], isIdempotent: true)
    }

    static func analyze(articles: [Article]) throws -> LoadWorkload {
        let payloads = try articles.map { try AnalyzeRequest(article: $0).protobufBytes() }
        return LoadWorkload(service: "quotewire.v1.Analyzer", method: "Analyze", payloads: payloads, isIdempotent: true)
    }

    /// Any method, with the Ping payload: for checking error accounting.
    static func raw(service: String, method: String) -> LoadWorkload {
        LoadWorkload(service: service, method: method, payloads: [ping(size: 16).payloads[0]], isIdempotent: false)
    }

    /// Articles from a file (a text article, or JSON Lines of proto3 JSON
    /// articles `{"id":…,"body":…}`) or a folder of `.txt` files.
    static func loadArticles(from path: String) throws(CommandFailure) -> [Article] {
        if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
            return try readJSONLines(path)
        }
        let articles = try ArticleSource.collect([path]).map { source throws(CommandFailure) in try source.read() }
        guard !articles.isEmpty else {
            throw CommandFailure(message: "\(path): no .txt articles found", status: ExitStatus.noInput)
        }
        return articles
    }

    private static func readJSONLines(_ path: String) throws(CommandFailure) -> [Article] {
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw CommandFailure(message: "\(path): cannot read it as UTF-8", status: ExitStatus.noInput)
        }
        var articles: [Article] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let body = object["body"] as? String
            else {
                throw CommandFailure(
                    message: "\(path):\(number + 1): expected a JSON object with a string \"body\"",
                    status: ExitStatus.usage)
            }
            articles.append(
                Article(
                    id: object["id"] as? String ?? "line-\(number + 1)", url: object["url"] as? String ?? "",
                    source: object["source"] as? String ?? "", title: object["title"] as? String ?? "", body: body,
                    language: object["language"] as? String ?? ""))
        }
        guard !articles.isEmpty else {
            throw CommandFailure(message: "\(path): no articles in it", status: ExitStatus.noInput)
        }
        return articles
    }
}
