/// The fields of every message of the contract, as `describe` prints them
/// (the proto's field lines; `MessageSchemaTests` checks them against `proto/`).
enum MessageSchema {
    /// Field lines (`type name = number;`) by fully qualified message name.
    static let messages: [String: [String]] = [
        "quotewire.v1.Article": [
            "string id = 1;", "string url = 2;", "string source = 3;", "string title = 4;", "string body = 5;",
            "string language = 6;", "google.protobuf.Timestamp published_at = 7;",
        ],
        "quotewire.v1.Span": ["uint32 start = 1;", "uint32 end = 2;"],
        "quotewire.v1.Actor": [
            "string id = 1;", "string name = 2;", "string title = 3;", "string affiliation = 4;",
            "ActorKind kind = 5;", "repeated Span mentions = 6;",
        ],
        "quotewire.v1.Quote": [
            "string id = 1;", "QuoteKind kind = 2;", "string text = 3;", "Span span = 4;", "string speaker_id = 5;",
            "Span speaker_span = 6;", "string cue = 7;", "Span cue_span = 8;", "float confidence = 9;",
        ],
        "quotewire.v1.Demand": [
            "string id = 1;", "string demander_id = 2;", "string addressee_id = 3;", "string action = 4;",
            "Span action_span = 5;", "string cue = 6;", "Span cue_span = 7;", "string quote_id = 8;",
            "float confidence = 9;", "Span demander_span = 10;", "Span addressee_span = 11;",
        ],
        "quotewire.v1.AnalyzeOptions": [
            "OffsetUnit offset_unit = 1;", "float min_confidence = 2;", "bool skip_demands = 3;",
        ],
        "quotewire.v1.AnalyzeRequest": ["Article article = 1;", "AnalyzeOptions options = 2;"],
        "quotewire.v1.AnalysisStats": [
            "uint32 paragraphs = 1;", "uint32 sentences = 2;", "uint32 tokens = 3;", "uint32 body_bytes = 4;",
            "int64 analysis_nanos = 5;",
        ],
        "quotewire.v1.AnalyzeResponse": [
            "string article_id = 1;", "repeated Actor actors = 2;", "repeated Quote quotes = 3;",
            "repeated Demand demands = 4;", "AnalysisStats stats = 5;",
        ],
        "quotewire.v1.PingRequest": ["bytes payload = 1;"],
        "quotewire.v1.PingResponse": ["bytes payload = 1;"],
        "quotewire.v1.InfoRequest": [],
        "quotewire.v1.ServiceInfo": ["string name = 1;", "repeated string methods = 2;"],
        "quotewire.v1.ServerLimits": [
            "uint32 max_frame_bytes = 1;", "uint32 max_connections = 2;", "uint32 max_streams_per_connection = 3;",
            "int64 idle_timeout_millis = 4;", "int64 shutdown_grace_millis = 5;",
        ],
        "quotewire.v1.InfoResponse": [
            "string version = 1;", "repeated ServiceInfo services = 2;", "ServerLimits limits = 3;",
        ],
        "grpc.health.v1.HealthCheckRequest": ["string service = 1;"],
        "grpc.health.v1.HealthCheckResponse": ["ServingStatus status = 1;"],
        "google.protobuf.Timestamp": ["int64 seconds = 1;", "int32 nanos = 2;"],
    ]

    /// Enum values by fully qualified enum name.
    static let enums: [String: [String]] = [
        "quotewire.v1.OffsetUnit": ["OFFSET_UNIT_UTF8 = 0;", "OFFSET_UNIT_UTF16 = 1;", "OFFSET_UNIT_UNICODE_SCALAR = 2;"],
        "quotewire.v1.ActorKind": [
            "ACTOR_KIND_UNSPECIFIED = 0;", "ACTOR_KIND_PERSON = 1;", "ACTOR_KIND_ORGANIZATION = 2;",
            "ACTOR_KIND_GOVERNMENT = 3;", "ACTOR_KIND_GROUP = 4;",
        ],
        "quotewire.v1.QuoteKind": [
            "QUOTE_KIND_UNSPECIFIED = 0;", "QUOTE_KIND_DIRECT = 1;", "QUOTE_KIND_INDIRECT = 2;", "QUOTE_KIND_MIXED = 3;",
        ],
        "grpc.health.v1.HealthCheckResponse.ServingStatus": [
            "UNKNOWN = 0;", "SERVING = 1;", "NOT_SERVING = 2;", "SERVICE_UNKNOWN = 3;",
        ],
    ]

    /// The definition of `name` and of every message and enum it uses, each once, in order of use.
    static func definitions(of name: String) -> [String] {
        var seen: Set<String> = []
        var output: [String] = []
        func visit(_ name: String) {
            guard seen.insert(name).inserted else { return }
            if let values = enums[name] {
                output.append("enum \(name) {\n" + values.map { "  \($0)\n" }.joined() + "}")
                return
            }
            guard let fields = messages[name] else { return }
            output.append("message \(name) {\n" + fields.map { "  \($0)\n" }.joined() + "}")
            let package = name.split(separator: ".").dropLast().joined(separator: ".")
            for field in fields {
                let type = field.split(separator: " ").first { $0 != "repeated" }.map(String.init) ?? ""
                for candidate in [type, "\(package).\(type)", "\(name).\(type)"] where messages[candidate] != nil || enums[candidate] != nil {
                    visit(candidate)
                    break
                }
            }
        }
        visit(name)
        return output
    }
}
