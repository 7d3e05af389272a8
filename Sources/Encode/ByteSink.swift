/// Growable output and positioned input buffers that C callbacks reach through
/// an opaque `void *` (libpng's io pointer, giflib's `UserData`).
///
/// They are classes because the C libraries hold a raw pointer to them for the
/// duration of one encode or decode call; the caller keeps them alive with
/// `withExtendedLifetime` and passes `opaque` (an unretained pointer).
/// Neither is shared between threads: each encode/decode call owns its own.
final class ByteSink {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    func append(_ pointer: UnsafeRawPointer, count: Int) {
        guard count > 0 else { return }
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: count))
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ opaque: UnsafeRawPointer) -> ByteSink {
        Unmanaged<ByteSink>.fromOpaque(opaque).takeUnretainedValue()
    }
}

/// Input side of `ByteSink`: hands out the bytes in order, never more than remain.
final class ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Copies up to `count` bytes into `destination`; returns how many were copied
    /// (fewer than asked only at the end of the input, which giflib reports as a
    /// read error).
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        let n = max(0, min(count, bytes.count - offset))
        if n > 0 {
            bytes.withUnsafeBufferPointer { buffer in
                destination.update(from: buffer.baseAddress! + offset, count: n)
            }
            offset += n
        }
        return n
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ opaque: UnsafeRawPointer) -> ByteSource {
        Unmanaged<ByteSource>.fromOpaque(opaque).takeUnretainedValue()
    }
}
