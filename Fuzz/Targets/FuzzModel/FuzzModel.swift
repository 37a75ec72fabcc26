// libFuzzer target: every model decoder on arbitrary bytes.
//
// Byte 0 chooses the message type; the rest is the encoded message. A decode
// must either fail with a CodecError or give a message whose encoding is
// canonical: encoding it, decoding that and encoding again gives the same
// bytes. Its proto3 JSON is produced too.
import FuzzSupport
import QuotewireModel

private func check<Message: ProtobufMessage>(_ type: Message.Type, _ bytes: UnsafeRawBufferPointer) {
    guard let message = try? Message(protobuf: bytes, limits: DecodingLimits(maxBytes: 1 << 20)) else { return }
    let encoded: [UInt8]
    do {
        encoded = try message.protobufBytes()
    } catch {
        fatalError("\(Message.protobufName) decoded but does not encode: \(error)")
    }
    guard let again = try? Message(protobuf: encoded), let reencoded = try? again.protobufBytes(),
        reencoded == encoded
    else { fatalError("\(Message.protobufName) does not survive a round trip") }
    _ = message.jsonString()
}

private func checker(_ type: any ProtobufMessage.Type) -> @Sendable (UnsafeRawBufferPointer) -> Void {
    { bytes in check(type, bytes) }
}

/// Every message type of the contract (generated from proto/), by Swift name,
/// so that a message added to the proto is fuzzed without an edit here.
private let decoders = ProtobufSchema.messageTypes
    .sorted { String(describing: $0) < String(describing: $1) }
    .map(checker)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let decode = decoders[Int(data[0]) % decoders.count]
    decode(UnsafeRawBufferPointer(start: data + 1, count: size - 1))
    return 0
}

@_cdecl("FuzzModel_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
