import Foundation
import Testing

@testable import QuotewireRPC

/// Replays the committed seed corpus of the `frames` fuzz target over real
/// sockets: every input (fuzz findings are added to the corpus too) must
/// leave the server answering and holding nothing for the connection.
@Suite("Fuzz corpus replay", .serialized)
struct FrameCorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus/frames")

    @Test("every frames corpus input leaves the server healthy")
    func replaysTheFramesCorpus() async throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.corpus, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        try #require(!files.isEmpty, "no corpus at \(Self.corpus.path)")
        try await withServer({ $0.maxFrameBytes = 64 << 10 }, timeout: 60) { server, port in
            for file in files {
                let input = try [UInt8](Data(contentsOf: file))
                let socket = try PosixSocket(port: port)
                // Byte 0 selects the fuzz harness's server; the rest is what the client sends.
                try? await socket.send(Array(input.dropFirst()))
                socket.shutdownWrites()
                #expect(await socket.isClosedByPeer(within: .seconds(5)), "\(file.lastPathComponent): not closed at EOF")
                socket.close()
            }
            try await BadClientTests.expectHealthy(port)
            #expect(await eventually { await server.statistics().openConnections == 0 })
            #expect(await eventually { await server.statistics().liveCalls == 0 })
        }
    }
}
