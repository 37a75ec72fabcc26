import ArgumentParser
import Foundation
import QuotewireModel
import QuotewireRPC

/// `quotewire call SERVICE/METHOD [JSON|@file|-]`: any method, in proto3 JSON.
struct Call: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Call any method with a proto3 JSON request (like grpcurl).",
        discussion: """
            The request is JSON text, @FILE, or - for standard input (default: {} for a unary method, \
            standard input for a stream). A streaming method (quotewire.v1.Analyzer/AnalyzeStream) reads \
            one request per line and prints one response per line. A failed call prints its status code \
            and message and exits 1. `quotewire describe` lists the methods and their messages.
            """
    )

    @Argument(help: "The method, e.g. quotewire.v1.Analyzer/Analyze.")
    var method: String

    @Argument(help: "The request: JSON text, @FILE, or - for standard input.")
    var request: String?

    @OptionGroup var server: ServerOptions

    @Option(name: .customLong("metadata"), help: ArgumentHelp("Metadata sent with the call (repeatable).", valueName: "key=value"))
    var metadata: [String] = []

    @Option(help: "Deadline of the call, e.g. 5s.")
    var timeout = DurationArgument(.seconds(30), text: "30s")

    func validate() throws {
        let parts = method.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("the method must be SERVICE/METHOD, e.g. quotewire.v1.Analyzer/Analyze, not \(method)")
        }
        for entry in metadata where !entry.contains("=") || entry.hasPrefix("=") {
            throw ValidationError("--metadata must be key=value, not \(entry)")
        }
    }

    func run() async throws {
        try await CommandFailure.reporting { try await call() }
    }

    private func call() async throws {
        let parts = method.split(separator: "/").map(String.init)
        let (service, name) = (parts[0], parts[1])
        let known = CallableMethod.named(service: service, method: name)
        let input = try readInput(streaming: known?.isStreaming ?? false)
        let options = CallOptions(
            timeout: timeout.duration,
            metadata: metadata.map { entry in
                let key = entry.prefix { $0 != "=" }
                return KeyValue(key: String(key), value: String(entry.dropFirst(key.count + 1)))
            })
        let client = try server.makeClient()
        defer { Task { await client.close() } }
        if let known, known.isStreaming {
            try await stream(known, lines: input, client: client, options: options)
            return
        }
        let payload: [UInt8]
        do {
            let json = try JSONParser().parse(Array(input.utf8))
            if let known {
                payload = try known.encodeRequest(json)
            } else if json == .object([]) {
                payload = []
            } else {
                throw CommandFailure(
                    message: "\(method) is not a method quotewire knows (see quotewire describe): only {} can be sent to it",
                    status: ExitStatus.usage)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "the request: \(error)", status: ExitStatus.usage)
        }
        let answer: [UInt8]
        do throws(RPCError) {
            answer = try await client.unary(service: service, method: name, payload: payload, options: options)
        } catch {
            throw failure(error)
        }
        guard let known else {
            print(JSONValue.object([("@bytes", .string(Data(answer).base64EncodedString()))]).serialized(pretty: true))
            return
        }
        do {
            print(try known.decodeResponse(answer).serialized(pretty: true))
        } catch {
            throw CommandFailure(message: "the response cannot be decoded: \(error)", status: ExitStatus.software)
        }
    }

    /// One request per JSON line in, one response per line out.
    private func stream(_ method: CallableMethod, lines: String, client: TTRPCClient, options: CallOptions) async throws {
        var requests: [AnalyzeRequest] = []
        let parser = JSONParser()
        for (number, line) in lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            do {
                requests.append(try AnalyzeRequest(protobufJSON: parser.parse(Array(line.utf8)), options: .strict))
            } catch {
                throw CommandFailure(message: "request line \(number + 1): \(error)", status: ExitStatus.usage)
            }
        }
        let source = AsyncStream<AnalyzeRequest> { continuation in
            for request in requests { continuation.yield(request) }
            continuation.finish()
        }
        do {
            for try await response in client.analyzeStream(source, options: options) {
                print(response.jsonString())
            }
        } catch {
            throw failure(RPCError(mapping: error))
        }
    }

    private func readInput(streaming: Bool) throws(CommandFailure) -> String {
        let argument = request ?? (streaming ? "-" : "{}")
        if argument != "-" && !argument.hasPrefix("@") { return argument }
        let bytes: [UInt8]
        if argument == "-" {
            bytes = try LineReader.standardInput().readToEnd()
        } else {
            let path = String(argument.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(message: "\(path): cannot read", status: ExitStatus.noInput)
            }
            bytes = [UInt8](data)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure(message: "the request is not UTF-8 text", status: ExitStatus.usage)
        }
        return text
    }

    /// A failed call: the server cannot be reached or refused the credentials (69, 77), or its status (1).
    private func failure(_ error: RPCError) -> CommandFailure {
        if error.code == .unavailable || error.code == .unauthenticated { return server.unreachable(error) }
        return CommandFailure(message: "\(error.code): \(error.message)", status: ExitStatus.partialFailure)
    }
}
