import Foundation

/// Throw-away certificates that `scripts/make-test-certs.sh` makes in a new
/// temporary folder (a test CA, server and client certificates, and a
/// second CA with a client of its own): no private key is committed.
struct TestCertificates: Sendable {
    let directory: String

    /// `ca.pem`, `server.key`, ... in the folder.
    func path(_ name: String) -> String { self.directory + "/" + name }

    /// Runs the script without blocking a thread of the cooperative pool.
    static func make() async throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("quotewire-certs-\(UUID().uuidString)").path
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/make-test-certs.sh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, directory]
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        guard status == 0 else { throw CertificateScriptFailed(status: status) }
        return TestCertificates(directory: directory)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.directory)
    }
}

struct CertificateScriptFailed: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "scripts/make-test-certs.sh exited \(status) (is the openssl command installed?)" }
}
