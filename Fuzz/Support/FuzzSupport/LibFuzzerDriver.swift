// SwiftPM links an executable with `main` defined as `MODULE_main`, so a fuzz
// target defines that (with @_cdecl) and hands control to libFuzzer's driver
// through `runLibFuzzer`.

/// A libFuzzer entry point: one input, 0 to keep going.
public typealias FuzzTestOneInput = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ body: FuzzTestOneInput
) -> CInt

/// Runs libFuzzer with the process arguments, calling `body` for each input.
public func runLibFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: FuzzTestOneInput
) -> CInt {
    var argc = argc
    var argv = argv
    return llvmFuzzerRunDriver(&argc, &argv, body)
}
