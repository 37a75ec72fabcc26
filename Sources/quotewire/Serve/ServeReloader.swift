import Logging
import QuotewireRPC

/// What `serve` re-reads on SIGHUP: the TLS certificate and key (new
/// connections get them; open connections and their calls go on with the
/// old ones) and the token file (checked on every later call). A file that
/// fails to load leaves what is in use and is logged as an error.
struct ServeReloader: Sendable {
    let tls: ServerTLS?
    let tokens: TokenFileAuthorizer?
    let logger: Logger

    /// Re-reads every file; returns whether all of them loaded.
    @discardableResult
    func reload() -> Bool {
        var reloaded: [String] = []
        var failed = false
        /// Reloads one file: `loaded` names it in the success line, `kept` in the error.
        func reload(_ loaded: String, kept: String, _ body: () throws -> Void) {
            do {
                try body()
                reloaded.append(loaded)
            } catch {
                failed = true
                self.logger.error("SIGHUP: kept \(kept) in use: \(error)")
            }
        }
        if let tls { reload("TLS certificate \(tls.files.certificateChain)", kept: "the TLS certificate", tls.reload) }
        if let tokens { reload("token file \(tokens.path)", kept: "the tokens", tokens.reload) }
        if !reloaded.isEmpty {
            self.logger.info("SIGHUP: reloaded \(reloaded.joined(separator: " and "))")
        } else if !failed {
            self.logger.info("SIGHUP: nothing to reload (no --tls-cert or --auth-token-file)")
        }
        return !failed
    }
}
