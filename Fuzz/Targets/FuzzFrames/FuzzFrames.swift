// libFuzzer target: arbitrary bytes on a server connection, through the real
// frame decoder, connection handler, router, authorizer and handlers (inline
// ones: streaming and offloaded handlers need a real event loop).
//
// Byte 0 chooses the server: even, open; odd, bearer-token auth with the
// token "fuzz-token". The rest is what the client sends. Every byte the server
// writes back must be a well-formed ttrpc frame carrying a decodable Response
// or Data message.
import FuzzSupport
import NIOCore
import NIOEmbedded
import QuotewireAnalysis
import QuotewireModel
import QuotewireRPC

private func makeServer(authorized: Bool) -> TTRPCServer {
    var registry = ServiceRegistry()
    registry.synchronousUnary(service: AnalyzerService.name, method: "Analyze", execution: .inline) {
        (request: AnalyzeRequest, _: CallContext) throws -> AnalyzeResponse in
        try Analyzer().analyze(request)
    }
    let configuration = ServerConfiguration(
        bindTargets: [], maxFrameBytes: 64 << 10, maxStreamsPerConnection: 8, idleTimeout: nil, threads: 1,
        version: "fuzz", authorizer: authorized ? BearerTokenAuthorizer(tokens: ["fuzz-token"]).authorizer : nil)
    return TTRPCServer(configuration: configuration, services: registry)
}

private let openServer = makeServer(authorized: false)
private let authServer = makeServer(authorized: true)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let server = data[0] & 1 == 0 ? openServer : authServer
    let channel = EmbeddedChannel()
    do {
        try server.initializeConnection(channel).wait()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    } catch {
        fatalError("harness set-up failed: \(error)")
    }
    var input = channel.allocator.buffer(capacity: size - 1)
    input.writeBytes(UnsafeBufferPointer(start: data + 1, count: size - 1))
    _ = try? channel.writeInbound(input)
    channel.embeddedEventLoop.run()

    var output = channel.allocator.buffer(capacity: 0)
    while let written = try? channel.readOutbound(as: ByteBuffer.self) {
        var written = written
        output.writeBuffer(&written)
    }
    _ = try? channel.finish(acceptAlreadyClosed: true)
    checkServerOutput(&output)
    return 0
}

/// Traps unless `output` is a sequence of whole frames the client can decode.
private func checkServerOutput(_ output: inout ByteBuffer) {
    while output.readableBytes > 0 {
        guard let (length, _, type, _) = output.readMultipleIntegers(as: (UInt32, UInt32, UInt8, UInt8).self),
            let payload = output.readBytes(length: Int(length))
        else { fatalError("the server wrote a partial frame") }
        switch type {
        case 0x02:
            if (try? TTRPCResponse(protobuf: payload)) == nil { fatalError("the server wrote an undecodable Response") }
        case 0x03:
            break
        default:
            fatalError("the server wrote a frame of type \(type)")
        }
    }
}

@_cdecl("FuzzFrames_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
