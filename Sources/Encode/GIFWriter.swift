import CGIF

/// A GIF89a byte stream written through giflib's encoder into memory.
///
/// Owns one `GifFileType` opened with `EGifOpen` and a custom output function
/// that appends to a `ByteSink` (no temporary files). Calls must come in file
/// order: `screen`, optionally `loop`, then per frame `graphicsControl` and
/// `image`, then `finish`. giflib reports failures through return codes, which
/// become `EncodeError`s naming the step; if `finish` is never reached, `deinit`
/// still closes the handle so giflib frees its state.
final class GIFWriter {
    private let sink = ByteSink(reservingCapacity: 64 * 1024)
    private var gif: UnsafeMutablePointer<GifFileType>?

    init() throws {
        var error: Int32 = 0
        gif = EGifOpen(sink.opaque, { gif, bytes, count in
            guard let user = gif?.pointee.UserData, let bytes else { return 0 }
            ByteSink.from(user).append(bytes, count: Int(count))
            return count
        }, &error)
        guard gif != nil else { throw EncodeError("giflib could not start a GIF: \(Self.text(error))") }
        EGifSetGifVersion(gif, true)                // GIF89a: we write extensions
    }

    deinit {
        if let gif {
            var error: Int32 = 0
            EGifCloseFile(gif, &error)
        }
    }

    /// The logical screen and the global colour table (`colors` packed
    /// `r | g << 8 | b << 16`, padded with black to `tableSize`, a power of two).
    func screen(width: Int, height: Int, colors: [UInt32], tableSize: Int) throws {
        var table = colors.map { c in
            GifColorType(Red: UInt8(c & 0xFF), Green: UInt8(c >> 8 & 0xFF), Blue: UInt8(c >> 16 & 0xFF))
        }
        table += Array(repeating: GifColorType(Red: 0, Green: 0, Blue: 0), count: tableSize - table.count)
        guard let map = GifMakeMapObject(Int32(tableSize), &table) else {
            throw EncodeError("giflib rejected a colour table of \(tableSize) entries")
        }
        defer { GifFreeMapObject(map) }             // EGifPutScreenDesc keeps its own copy
        try check(EGifPutScreenDesc(gif, Int32(width), Int32(height), 8, 0, map), "screen descriptor")
    }

    /// The NETSCAPE2.0 application extension: `repeats` = 0 loops forever,
    /// otherwise the animation is repeated that many times after the first play.
    func loop(repeats: Int) throws {
        try check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "loop extension")
        let id = Array("NETSCAPE2.0".utf8)
        try check(EGifPutExtensionBlock(gif, Int32(id.count), id), "loop extension")
        let data: [UInt8] = [1, UInt8(repeats & 0xFF), UInt8(repeats >> 8 & 0xFF)]
        try check(EGifPutExtensionBlock(gif, 3, data), "loop extension")
        try check(EGifPutExtensionTrailer(gif), "loop extension")
    }

    /// A Graphic Control Extension: delay in hundredths, disposal "do not
    /// dispose" (the next frame draws over this one), optional transparent index.
    func graphicsControl(delay: Int, transparentIndex: Int?) throws {
        var gcb = GraphicsControlBlock(
            DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false, DelayTime: Int32(delay),
            TransparentColor: transparentIndex.map(Int32.init) ?? NO_TRANSPARENT_COLOR)
        var bytes = [UInt8](repeating: 0, count: 4)
        let length = EGifGCBToExtension(&gcb, &bytes)
        try check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, Int32(length), bytes), "frame timing")
    }

    /// An image descriptor for `rect` and its indices, row by row, LZW-coded by
    /// giflib. `indices` holds `rect.area` bytes; giflib masks them in place.
    func image(_ rect: PixelRect, indices: inout [UInt8]) throws {
        try check(EGifPutImageDesc(gif, Int32(rect.x), Int32(rect.y), Int32(rect.width), Int32(rect.height),
                                   false, nil), "image descriptor")
        try indices.withUnsafeMutableBufferPointer { buffer in
            for row in 0..<rect.height {
                try check(EGifPutLine(gif, buffer.baseAddress! + row * rect.width, Int32(rect.width)), "image data")
            }
        }
    }

    /// Writes the trailer, closes the handle and returns the file's bytes.
    func finish() throws -> [UInt8] {
        var error: Int32 = 0
        let result = EGifCloseFile(gif, &error)
        gif = nil                                    // freed by EGifCloseFile even on failure
        guard result == GIF_OK else { throw EncodeError("giflib could not finish the GIF: \(Self.text(error))") }
        return sink.bytes
    }

    private func check(_ result: Int32, _ step: String) throws {
        guard result == GIF_OK else {
            throw EncodeError("giflib could not write the \(step): \(Self.text(gif?.pointee.Error ?? 0))")
        }
    }

    static func text(_ code: Int32) -> String {
        GifErrorString(code).map { String(cString: $0) } ?? "giflib error \(code)"
    }
}
