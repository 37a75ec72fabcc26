import QuotewireModel

/// A method `quotewire call` and `describe` know: its request and response
/// types, how to turn proto3 JSON into request bytes and response bytes into
/// proto3 JSON.
struct CallableMethod: Sendable {
    let service: String
    let method: String
    /// Requests and responses are streams (JSON Lines in and out).
    let isStreaming: Bool
    let requestType: String
    let responseType: String
    let encodeRequest: @Sendable (JSONValue) throws -> [UInt8]
    let decodeResponse: @Sendable ([UInt8]) throws -> JSONValue

    var fullName: String { "\(service)/\(method)" }

    /// The method with request `Request`, read from proto3 JSON strictly (a
    /// member of no field is an error naming it), and response `Response`.
    static func make<Request: ProtobufMessage, Response: ProtobufMessage>(
        _ service: String, _ method: String, streaming: Bool = false, _ request: Request.Type, _ response: Response.Type
    ) -> CallableMethod {
        CallableMethod(
            service: service, method: method, isStreaming: streaming,
            requestType: Request.protobufName, responseType: Response.protobufName,
            encodeRequest: { json in try Request(protobufJSON: json, options: .strict).protobufBytes() },
            decodeResponse: { bytes in try Response(protobuf: bytes).protobufJSON })
    }

    /// Every method of the contract.
    static let all: [CallableMethod] = [
        make("quotewire.v1.Analyzer", "Analyze", AnalyzeRequest.self, AnalyzeResponse.self),
        make("quotewire.v1.Analyzer", "AnalyzeStream", streaming: true, AnalyzeRequest.self, AnalyzeResponse.self),
        make("quotewire.v1.Server", "Ping", PingRequest.self, PingResponse.self),
        make("quotewire.v1.Server", "Info", InfoRequest.self, InfoResponse.self),
        make("grpc.health.v1.Health", "Check", HealthCheckRequest.self, HealthCheckResponse.self),
    ]

    static func named(service: String, method: String) -> CallableMethod? {
        all.first { $0.service == service && $0.method == method }
    }
}
