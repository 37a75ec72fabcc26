#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files under a folder, recursively, as paths relative to it in name
/// order, read with `opendir`/`readdir` (a batch folder may hold hundreds of
/// thousands of articles). Symbolic links to files count as files; links to
/// folders are not followed, so a link cycle cannot loop.
enum FolderWalk {
    static func files(under folder: String) throws(CommandFailure) -> [String] {
        var found: [String] = []
        try walk(folder, relative: "", into: &found)
        return found.sorted()
    }

    private static func walk(_ folder: String, relative: String, into found: inout [String]) throws(CommandFailure) {
        guard let directory = opendir(folder) else {
            throw CommandFailure(message: "\(folder): cannot read the folder: \(String(cString: strerror(errno)))", status: ExitStatus.noInput)
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                let isFolder = status.st_mode & S_IFMT == S_IFDIR
                type = isFolder ? (type == Int32(DT_LNK) ? Int32(DT_LNK) : Int32(DT_DIR)) : Int32(DT_REG)
            }
            if type == Int32(DT_DIR) {
                try walk(path, relative: child, into: &found)
            } else if type == Int32(DT_REG) {
                found.append(child)
            }
        }
    }

    /// The path without the extension of its last component (`a/b.txt` → `a/b`; `.profile` stays).
    static func withoutExtension(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
    }
}
