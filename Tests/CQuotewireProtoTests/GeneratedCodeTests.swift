import CQuotewireProto
import Testing

/// The generated protobuf-c code links and packs as the wire format says,
/// independently of the Swift model layer.
@Suite struct GeneratedCodeTests {
    @Test func spanPacksToItsWireBytes() {
        var span = Quotewire__V1__Span()
        quotewire__v1__span__init(&span)
        span.start = 3
        span.end = 300
        let size = quotewire__v1__span__get_packed_size(&span)
        var buffer = [UInt8](repeating: 0, count: size)
        let written = quotewire__v1__span__pack(&span, &buffer)
        #expect(written == size)
        #expect(buffer == [0x08, 0x03, 0x10, 0xac, 0x02])
    }

    @Test func unpackRejectsTruncatedInput() {
        let bytes: [UInt8] = [0x0a, 0x05, 0x61]
        let message = quotewire__v1__article__unpack(nil, bytes.count, bytes)
        #expect(message == nil)
    }

    @Test func descriptorsNameTheirMessages() {
        #expect(String(cString: ttrpc__request__descriptor.name) == "ttrpc.Request")
        #expect(String(cString: grpc__health__v1__health_check_response__descriptor.name)
            == "grpc.health.v1.HealthCheckResponse")
        #expect(quotewire__v1__analyze_response__descriptor.n_fields == 5)
    }
}
