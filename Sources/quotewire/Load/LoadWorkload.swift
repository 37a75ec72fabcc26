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
        let parser = JSONParser()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            // The proto3 JSON of Article, read as `analyze` reads article files.
            var article: Article
            do {
                let json = try parser.parse(Array(line.utf8))
                guard case .string = json["body"] else {
                    throw JSONMappingError(field: nil, reason: "expected a JSON object with a string \"body\"")
                }
                article = try Article(protobufJSON: json)
            } catch {
                throw CommandFailure(message: "\(path):\(number + 1): \(error)", status: ExitStatus.usage)
            }
            if article.id.isEmpty { article.id = "line-\(number + 1)" }
            articles.append(article)
        }
        guard !articles.isEmpty else {
            throw CommandFailure(message: "\(path): no articles in it", status: ExitStatus.noInput)
        }
        return articles
    }
}
