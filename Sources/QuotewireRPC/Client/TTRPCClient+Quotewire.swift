import QuotewireModel

extension TTRPCClient {
    /// `quotewire.v1.Server/Ping`: returns the echoed payload. Idempotent.
    public func ping(
        _ payload: [UInt8] = [], options: CallOptions = CallOptions(isIdempotent: true)
    ) async throws(RPCError) -> [UInt8] {
        let response = try await self.unary(
            service: "quotewire.v1.Server", method: "Ping", request: PingRequest(payload: payload),
            responseType: PingResponse.self, options: options)
        return response.payload
    }

    /// `quotewire.v1.Server/Info`. Idempotent.
    public func info(options: CallOptions = CallOptions(isIdempotent: true)) async throws(RPCError) -> InfoResponse {
        try await self.unary(
            service: "quotewire.v1.Server", method: "Info", request: InfoRequest(), responseType: InfoResponse.self,
            options: options)
    }

    /// `grpc.health.v1.Health/Check` of a service (empty: the whole server). Idempotent.
    public func checkHealth(
        service: String = "", options: CallOptions = CallOptions(isIdempotent: true)
    ) async throws(RPCError) -> HealthCheckResponse.ServingStatus {
        try await self.unary(
            service: "grpc.health.v1.Health", method: "Check", request: HealthCheckRequest(service: service),
            responseType: HealthCheckResponse.self, options: options
        ).status
    }

    /// `quotewire.v1.Analyzer/Analyze`. Idempotent (analysis has no side effects).
    public func analyze(
        _ request: AnalyzeRequest, options: CallOptions = CallOptions(isIdempotent: true)
    ) async throws(RPCError) -> AnalyzeResponse {
        try await self.unary(
            service: "quotewire.v1.Analyzer", method: "Analyze", request: request, responseType: AnalyzeResponse.self,
            options: options)
    }

    /// `quotewire.v1.Analyzer/AnalyzeStream`: one response per request, in order.
    public func analyzeStream<Requests: AsyncSequence & Sendable>(
        _ requests: Requests, options: CallOptions = CallOptions()
    ) -> AsyncThrowingStream<AnalyzeResponse, any Error> where Requests.Element == AnalyzeRequest {
        self.streaming(
            service: "quotewire.v1.Analyzer", method: "AnalyzeStream", requests: requests,
            responseType: AnalyzeResponse.self, options: options)
    }
}
