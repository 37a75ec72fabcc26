// libFuzzer target: the analysis core on arbitrary text.
//
// The bytes become the article body (invalid UTF-8 repaired to U+FFFD, as a
// lossy reader would); byte 0 also picks the offset unit. The analysis must
// not trap, and every span it reports must lie inside the body.
import FuzzSupport
import QuotewireAnalysis
import QuotewireModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let body = String(decoding: bytes, as: UTF8.self)
    let unit: OffsetUnit = size > 0 ? [.utf8, .utf16, .unicodeScalar][Int(data[0]) % 3] : .utf8
    let request = AnalyzeRequest(
        article: Article(id: "fuzz", title: "Fuzz", body: body), options: AnalyzeOptions(offsetUnit: unit))
    guard let response = try? Analyzer().analyze(request) else { return 0 }
    let limit: Int
    switch unit {
    case .utf16: limit = body.utf16.count
    case .unicodeScalar: limit = body.unicodeScalars.count
    default: limit = body.utf8.count
    }
    var spans = response.actors.flatMap(\.mentions)
    spans += response.quotes.flatMap { [$0.span, $0.speakerSpan, $0.cueSpan].compactMap { $0 } }
    spans += response.demands.flatMap {
        [$0.actionSpan, $0.cueSpan, $0.demanderSpan, $0.addresseeSpan].compactMap { $0 }
    }
    for span in spans where span.start > span.end || Int(span.end) > limit {
        fatalError("span \(span.start)..<\(span.end) outside a body of \(limit) \(unit) units")
    }
    return 0
}

@_cdecl("FuzzAnalysis_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
