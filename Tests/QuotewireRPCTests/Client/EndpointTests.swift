import Testing

@testable import QuotewireRPC

@Suite struct EndpointTests {
    @Test(
        "Parses endpoints",
        arguments: [
            ("127.0.0.1:7807", Endpoint.tcp(host: "127.0.0.1", port: 7807)),
            ("localhost:1", Endpoint.tcp(host: "localhost", port: 1)),
            ("[::1]:9000", Endpoint.tcp(host: "::1", port: 9000)),
            ("unix:/tmp/q.sock", Endpoint.unix(path: "/tmp/q.sock")),
            ("tls:quotewire.internal:7807", Endpoint.tls(host: "quotewire.internal", port: 7807)),
            ("tls:[::1]:7807", Endpoint.tls(host: "::1", port: 7807)),
        ])
    func parsesEndpoints(text: String, expected: Endpoint) throws {
        #expect(try Endpoint(parsing: text) == expected)
    }

    @Test func rejectsEndpointWithoutPort() {
        #expect(throws: RPCError.self) { try Endpoint(parsing: "localhost") }
        #expect(throws: RPCError.self) { try Endpoint(parsing: "host:99999") }
    }

    @Test func parsesListsAndDNSTargets() throws {
        #expect(
            try ClientTarget(parsing: "a:1, b:2,unix:/s")
                == .endpoints([.tcp(host: "a", port: 1), .tcp(host: "b", port: 2), .unix(path: "/s")]))
        #expect(try ClientTarget(parsing: "dns:///quotewire.default.svc:7807") == .dns(host: "quotewire.default.svc", port: 7807))
    }

    /// `tls:` endpoints always speak TLS; with TLS asked for the whole client, plain TCP
    /// endpoints and DNS targets do too; Unix sockets never do.
    @Test func resolvesTLSEndpoints() throws {
        let target = try ClientTarget(parsing: "tls:127.0.0.1:1,127.0.0.1:2,unix:/s")
        #expect(target.description == "tls:127.0.0.1:1,127.0.0.1:2,unix:/s")
        let plain = try ResolvedEndpoint.resolve(target).map(\.description)
        #expect(plain.count == 3 && plain[0].hasPrefix("tls:") && !plain[1].hasPrefix("tls:") && plain[2] == "unix:/s")
        let all = try ResolvedEndpoint.resolve(target, tls: true).map(\.description)
        #expect(all[0].hasPrefix("tls:") && all[1].hasPrefix("tls:") && all[2] == "unix:/s")
        #expect(throws: RPCError.self) { try Endpoint(parsing: "tls:localhost") }
    }

    @Test func resolvesAllAddressesOfAName() throws {
        let addresses = try ResolvedEndpoint.lookUp(host: "localhost", port: 80)
        #expect(!addresses.isEmpty)
        #expect(addresses.allSatisfy { $0.port == 80 })
    }

    @Test func backoffGrowsAndStaysBounded() {
        let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1), multiplier: 2, jitter: 0)
        #expect(backoff.delay(attempt: 1) == .milliseconds(100))
        #expect(backoff.delay(attempt: 3) == .milliseconds(400))
        #expect(backoff.delay(attempt: 10) == .seconds(1))
        let jittered = Backoff(initial: .milliseconds(100), jitter: 0.2)
        for _ in 0..<100 {
            let delay = jittered.delay(attempt: 1)
            #expect(delay >= .milliseconds(80) && delay <= .milliseconds(120))
        }
    }
}
