#if canImport(Glibc)
import Glibc

/// glibc's `int mallopt(int param, int value)`, which the Glibc module does
/// not export (malloc.h is not in its module map).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Keeps glibc's allocator from handing memory back to the kernel after
/// every burst of calls. By default an arena is trimmed as soon as 128 KiB
/// sit free at its top, so the next calls fault the same pages in again:
/// about one page fault per two Analyze calls, measured at c=64. Retaining
/// up to 8 MiB per arena removes them (RSS grows by under 1 MB); blocks of
/// 1 MiB and more (very large articles) still come from mmap and go back
/// at once. `GLIBC_TUNABLES`, when set, is left to decide.
enum MallocTuning {
    /// `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` from malloc.h.
    private static let trimThreshold: Int32 = -1
    private static let mmapThreshold: Int32 = -3

    static func apply() {
        #if canImport(Glibc)
        guard getenv("GLIBC_TUNABLES") == nil else { return }
        _ = glibcMallopt(Self.trimThreshold, 8 << 20)
        _ = glibcMallopt(Self.mmapThreshold, 1 << 20)
        #endif
    }
}
