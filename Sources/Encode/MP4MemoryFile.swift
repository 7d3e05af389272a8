import CFFmpeg

/// A file in memory that libavformat writes, seeks in and reads back, through
/// custom `AVIOContext`s: the MP4 muxer seeks back to patch sizes and, for fast
/// start, reopens the file (`AVFormatContext.io_open`) to read the media data
/// while it moves it behind the index. Nothing touches the disk.
final class MP4MemoryFile: @unchecked Sendable {
    /// The file's bytes so far.
    var bytes: [UInt8]
    /// FFmpeg's functions (`FFmpegLibrary.functions()`).
    let ffmpeg: optrender_FFmpeg

    init(ffmpeg: optrender_FFmpeg, bytes: [UInt8] = []) {
        self.ffmpeg = ffmpeg
        self.bytes = bytes
    }

    /// One open view of the file with its own position (libavformat's write
    /// context and its fast-start reader each have one).
    final class Cursor {
        let file: MP4MemoryFile
        var position = 0
        init(_ file: MP4MemoryFile) { self.file = file }
    }

    /// A new `AVIOContext` on this file: writable or read-only, seekable. Free it
    /// with `close(_:)`.
    ///
    /// - Throws: `EncodeError` when libavformat cannot allocate it.
    func open(writable: Bool) throws -> UnsafeMutablePointer<AVIOContext> {
        let size: Int32 = 1 << 16
        guard let buffer = ffmpeg.av_malloc(Int(size)) else { throw EncodeError("out of memory for the MP4 buffer") }
        let cursor = Unmanaged.passRetained(Cursor(self)).toOpaque()
        guard let context = ffmpeg.avio_alloc_context(
            buffer.assumingMemoryBound(to: UInt8.self), size, writable ? 1 : 0, cursor,
            MP4MemoryFile.read, writable ? MP4MemoryFile.write : nil, MP4MemoryFile.seek) else {
            Unmanaged<Cursor>.fromOpaque(cursor).release()
            ffmpeg.av_free(buffer)
            throw EncodeError("out of memory for the MP4 output")
        }
        return context
    }

    /// Flushes and frees a context made by `open(writable:)`.
    func close(_ context: UnsafeMutablePointer<AVIOContext>?) {
        guard let context else { return }
        if context.pointee.write_flag != 0 { ffmpeg.avio_flush(context) }
        if let cursor = context.pointee.opaque { Unmanaged<Cursor>.fromOpaque(cursor).release() }
        ffmpeg.av_freep(&context.pointee.buffer)
        var c: UnsafeMutablePointer<AVIOContext>? = context
        ffmpeg.avio_context_free(&c)
    }

    private static func cursor(_ opaque: UnsafeMutableRawPointer?) -> Cursor {
        Unmanaged<Cursor>.fromOpaque(opaque!).takeUnretainedValue()
    }

    private static let read: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int32) -> Int32 = { opaque, buffer, count in
        let c = cursor(opaque)
        let available = c.file.bytes.count - c.position
        guard available > 0 else { return optrender_AVERROR_EOF() }
        let n = min(Int(count), available)
        c.file.bytes.withUnsafeBufferPointer { buffer!.update(from: $0.baseAddress! + c.position, count: n) }
        c.position += n
        return Int32(n)
    }

    private static let write: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int32) -> Int32 = { opaque, buffer, count in
        let c = cursor(opaque)
        let n = Int(count)
        let end = c.position + n
        if end > c.file.bytes.count { c.file.bytes.append(contentsOf: repeatElement(0, count: end - c.file.bytes.count)) }
        c.file.bytes.withUnsafeMutableBufferPointer { ($0.baseAddress! + c.position).update(from: buffer!, count: n) }
        c.position = end
        return count
    }

    private static let seek: @convention(c) (UnsafeMutableRawPointer?, Int64, Int32) -> Int64 = { opaque, offset, whence in
        let c = cursor(opaque)
        let size = Int64(c.file.bytes.count)
        if whence & AVSEEK_SIZE != 0 { return size }
        let target: Int64
        switch whence & ~AVSEEK_FORCE {
        case SEEK_SET: target = offset
        case SEEK_CUR: target = Int64(c.position) + offset
        case SEEK_END: target = size + offset
        default: return -1
        }
        guard target >= 0 else { return -1 }
        c.position = Int(target)
        return target
    }
}
