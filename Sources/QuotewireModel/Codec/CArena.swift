import CQuotewireProto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns the C memory of one message being encoded: every struct, string and
/// array allocated for it is carved out of a few large chunks (a bump
/// allocator: one malloc per 8 KiB instead of one per struct) and freed
/// together when the arena goes away. Lives inside one synchronous encode
/// call; never escapes the module.
///
/// Not used to unpack: protobuf-c merges duplicate occurrences of a singular
/// sub-message by copying their repeated fields into a new array and freeing
/// the old ones, so without real frees a hostile input of N duplicates would
/// allocate O(N²) instead of O(N).
final class CArena {
    /// Bytes per chunk; larger requests get a chunk of their own.
    private static let chunkSize = 8 << 10
    /// The first chunk, and any later ones (most messages need only one, so
    /// the array is not allocated at all for them).
    private var firstChunk: UnsafeMutableRawPointer?
    private var moreChunks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer?
    private var remaining = 0
    /// The descriptor of the top-level message; its name is only built for
    /// an error message.
    private let root: UnsafePointer<ProtobufCMessageDescriptor>
    /// An upper bound on the packed size of everything filled so far (see
    /// `PackedSizeBound`), or `nil` once a message type without one was filled.
    private(set) var packedSizeBound: Int? = 0

    /// `CArena.sharedEmptyString`, read once per arena rather than once per
    /// empty field (each read of a static checks its lazy initialization).
    private let emptyString: UnsafeMutablePointer<CChar>

    init(root: UnsafePointer<ProtobufCMessageDescriptor>) {
        self.root = root
        self.emptyString = CArena.sharedEmptyString
    }

    /// The protobuf name of the top-level message, for error messages.
    private var messageName: String { String(cString: root.pointee.name) }

    /// Adds the fixed part of a message's bound (`PackedSizeBound.fixedPart(of:)`);
    /// `nil` turns the bound off.
    func addFixedPackedSize(_ bytes: Int?) {
        if let bytes, let bound = packedSizeBound {
            packedSizeBound = bound + bytes
        } else {
            packedSizeBound = nil
        }
    }

    /// Adds variable contents (string and bytes contents, prefixes of repeated elements).
    @inline(__always)
    private func addPackedSize(_ bytes: Int) {
        if let bound = packedSizeBound { packedSizeBound = bound + bytes }
    }

    deinit {
        firstChunk?.deallocate()
        for chunk in moreChunks { chunk.deallocate() }
    }

    /// One shared, never-written "" for every empty string field
    /// (`protobuf_c_empty_string` does not import into Swift).
    nonisolated(unsafe) private static let sharedEmptyString: UnsafeMutablePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    /// Uninitialized storage for `count` values of `type`: carved from the
    /// current chunk, inlined into every caller (it runs once per struct and
    /// string), or from a new one.
    @inline(__always)
    func allocate<T>(_ type: T.Type, count: Int = 1) -> UnsafeMutablePointer<T> {
        let size = MemoryLayout<T>.stride * max(count, 1)
        let alignment = max(MemoryLayout<T>.alignment, 16)
        if let cursor {
            let padding = (alignment - Int(bitPattern: cursor) % alignment) % alignment
            if padding + size <= remaining {
                let pointer = cursor + padding
                self.cursor = pointer + size
                remaining -= padding + size
                return pointer.bindMemory(to: T.self, capacity: max(count, 1))
            }
        }
        return newChunk(size: size, alignment: alignment).bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// The slow path of `allocate`: a new chunk, whose first `size` bytes are returned.
    @inline(never)
    private func newChunk(size: Int, alignment: Int) -> UnsafeMutableRawPointer {
        let chunkBytes = max(Self.chunkSize, size)
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkBytes, alignment: alignment)
        if firstChunk == nil {
            firstChunk = chunk
        } else {
            moreChunks.append(chunk)
        }
        if size < Self.chunkSize {
            // Keep carving from the new chunk; an oversized one serves this request alone.
            cursor = chunk + size
            remaining = chunkBytes - size
        }
        return chunk
    }

    /// A NUL-terminated copy of `string`; U+0000 inside it is an error naming `field`.
    func cString(_ string: String, field: String) throws(CodecError) -> UnsafeMutablePointer<CChar> {
        if string.isEmpty {
            return emptyString
        }
        let copied = string.utf8.withContiguousStorageIfAvailable { bytes in
            copyCString(UnsafeRawBufferPointer(bytes))
        }
        let storage: UnsafeMutablePointer<CChar>?
        if let copied {
            storage = copied
        } else {
            var contiguous = string
            storage = contiguous.withUTF8 { bytes in copyCString(UnsafeRawBufferPointer(bytes)) }
        }
        guard let storage else { throw .embeddedNUL(message: messageName, field: field) }
        return storage
    }

    /// A NUL-terminated copy of non-empty `bytes`; `nil` when they hold a NUL.
    private func copyCString(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutablePointer<CChar>? {
        guard let source = bytes.baseAddress else { return emptyString }
        let count = bytes.count
        let storage = allocate(CChar.self, count: count + 1)
        // memccpy stops after a NUL: one pass for the copy and the check.
        if memccpy(storage, source, 0, count) != nil { return nil }
        storage[count] = 0
        addPackedSize(count)
        return storage
    }

    /// Copies of `strings` as a C array of NUL-terminated strings.
    func cStrings(_ strings: [String], field: String) throws(CodecError) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        guard !strings.isEmpty else { return nil }
        let array = allocate(UnsafeMutablePointer<CChar>?.self, count: strings.count)
        addPackedSize(PackedSizeBound.perRepeatedElement * strings.count)
        for (index, string) in strings.enumerated() {
            array[index] = try cString(string, field: field)
        }
        return array
    }

    /// A protobuf-c view of `bytes` (copied into the arena).
    func binary(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        guard !bytes.isEmpty else { return ProtobufCBinaryData(len: 0, data: nil) }
        let storage = allocate(UInt8.self, count: bytes.count)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.update(from: base, count: source.count) }
        }
        addPackedSize(bytes.count)
        return ProtobufCBinaryData(len: bytes.count, data: storage)
    }

    /// The C struct of an optional sub-message, or `nil`. Its fixed part of the
    /// bound is in its parent's.
    func message<M: ProtobufCBridged>(_ value: M?) throws(CodecError) -> UnsafeMutablePointer<M.CMessage>? {
        guard let value else { return nil }
        return try value.makeCMessage(in: self)
    }

    /// A C array of pointers to the C structs of `values`.
    func messages<M: ProtobufCBridged>(_ values: [M]) throws(CodecError) -> UnsafeMutablePointer<UnsafeMutablePointer<M.CMessage>?>? {
        guard !values.isEmpty else { return nil }
        let array = allocate(UnsafeMutablePointer<M.CMessage>?.self, count: values.count)
        addFixedPackedSize(M.descriptorReference.fixedPackedSizeBound.map {
            ($0 + PackedSizeBound.perRepeatedElement) * values.count
        })
        // Through the buffer, so that each element is borrowed, not copied
        // (a copy retains and releases every string of it).
        try values.withUnsafeBufferPointer { (elements) throws(CodecError) in
            for index in elements.indices {
                array[index] = try elements[index].makeCMessage(in: self)
            }
        }
        return array
    }
}
