import CGIF

/// A GIF89a byte stream written through giflib's encoder into memory.
///
/// Owns one `GifFileType` opened with `EGifOpen` and a custom output function
/// that appends to a `ByteSink` (no temporary files). Calls must come in file
/// order: `screen`, optionally `loop`, then per frame `graphicsControl` and
/// `image`, then `finish`. Image data is LZW-coded by our `LZWEncoder` and
/// handed to giflib pre-compressed. giflib reports failures through return
/// codes, which become `EncodeError`s naming the step; if `finish` is never
/// reached, `deinit` still closes the handle so giflib frees its state.
final class GIFWriter {
    private let sink = ByteSink(reservingCapacity: 64 * 1024)
    private var gif: UnsafeMutablePointer<GifFileType>?
    /// Our LZW compressor (its 2 MiB dictionary is reused by every image).
    private let lzw = LZWEncoder()
    /// One sub-block: its length, then up to 255 bytes of code stream.
    private var block = [UInt8](repeating: 0, count: 256)
    /// The last coding `codedSize` finished: its indices, code size and
    /// stream. Of several codings measured, the smallest is written next, and
    /// `image` then reuses its stream instead of coding it again. (Holding the
    /// array keeps its buffer, so recognising it is the O(1) identity check of
    /// `==`.)
    private var remembered: (indices: [UInt8], codeSize: Int, stream: [UInt8])?
    /// The coding `smallestCoding` chose last time, which it measures first.
    private var lastWinner = 0

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

    /// An image descriptor for `rect` and its indices (`rect.area` bytes, row
    /// by row), LZW-coded by our `LZWEncoder` — byte for byte what giflib's
    /// `EGifPutLine` would write, in about half the time — and handed to
    /// giflib as pre-compressed data (`EGifPutCode`), which frames it.
    ///
    /// - Throws: `EncodeError` for an empty rectangle, a count of indices that
    ///   is not `rect.area`, or a giflib failure.
    func image(_ rect: PixelRect, indices: [UInt8]) throws {
        guard rect.area > 0, indices.count == rect.area else {
            throw EncodeError("a GIF image of \(rect.width)×\(rect.height) pixels cannot hold \(indices.count) indices")
        }
        try check(EGifPutImageDesc(gif, Int32(rect.x), Int32(rect.y), Int32(rect.width), Int32(rect.height),
                                   false, nil), "image descriptor")
        // EGifPutImageDesc has written the code-size byte (and started its own
        // compressor, which we leave unused); the code stream follows in
        // sub-blocks of at most 255 bytes, each led by its length, then an
        // empty block.
        let size = try codeSize()
        defer { remembered = nil }
        if let remembered, remembered.codeSize == size, remembered.indices == indices {
            try remembered.stream.withUnsafeBufferPointer { try write(stream: $0, codeSize: size) }
        } else {
            try indices.withUnsafeBufferPointer { try write(stream: lzw.encode($0, codeSize: size)!, codeSize: size) }
        }
    }

    /// Hands an image's code stream to giflib in sub-blocks, then the empty
    /// block that ends it.
    private func write(stream: UnsafeBufferPointer<UInt8>, codeSize size: Int) throws {
        try block.withUnsafeMutableBufferPointer { block in
            var start = 0
            while start < stream.count {
                let length = min(255, stream.count - start)
                block[0] = UInt8(length)
                UnsafeMutableRawPointer(block.baseAddress! + 1)
                    .copyMemory(from: stream.baseAddress! + start, byteCount: length)
                let result = start == 0 ? EGifPutCode(gif, Int32(size), block.baseAddress)
                                        : EGifPutCodeNext(gif, block.baseAddress)
                try check(result, "image data")
                start += length
            }
        }
        try check(EGifPutCodeNext(gif, nil), "image data")
    }

    /// How many bytes of LZW data `indices` (any count ≥ 1) code to with this
    /// file's colour table — what `image` would write after the code-size
    /// byte, before cutting it into sub-blocks, which only add to it — or nil
    /// when that is `limit` or more (found without finishing the coding). For
    /// choosing between codings of one patch without writing them.
    ///
    /// - Throws: `EncodeError` before `screen`.
    func codedSize(of indices: [UInt8], limit: Int = .max) throws -> Int? {
        guard !indices.isEmpty else { throw EncodeError("an empty GIF image has no LZW coding") }
        let size = try codeSize()
        return indices.withUnsafeBufferPointer { pixels in
            guard let stream = lzw.encode(pixels, codeSize: size, limit: limit) else { return nil }
            remembered = (indices, size, Array(stream))
            return stream.count
        }
    }

    /// The index of the coding, of several of one image, that LZW codes in
    /// fewest bytes — the earliest on a tie, exactly as if each were coded in
    /// full and compared. The previous call's winner is coded first (frames in
    /// a row tend to pick the same coding); each other one is stopped as soon
    /// as it can no longer win — it must reach fewer bytes than the best so
    /// far, or as few when it comes earlier. The winner's stream is kept for
    /// `image`, so writing it next costs no second coding.
    ///
    /// - Throws: `EncodeError` before `screen`, for no codings or an empty one.
    func smallestCoding(of codings: [[UInt8]]) throws -> Int {
        guard !codings.isEmpty else { throw EncodeError("no codings to choose from") }
        var best = codings.indices.contains(lastWinner) ? lastWinner : 0
        var bestSize = try codedSize(of: codings[best])!
        for k in codings.indices where k != best {
            let limit = k < best ? bestSize + 1 : bestSize
            if let size = try codedSize(of: codings[k], limit: limit) { best = k; bestSize = size }
        }
        lastWinner = best
        return best
    }

    /// The LZW minimum code size giflib writes for this file's images: the bits
    /// per pixel of the colour table in force (our images have no local one),
    /// at least 2 (`EGifSetupCompress`).
    private func codeSize() throws -> Int {
        guard let map = gif?.pointee.Image.ColorMap ?? gif?.pointee.SColorMap else {
            throw EncodeError("a GIF image needs the colour table written first (screen)")
        }
        return max(2, Int(map.pointee.BitsPerPixel))
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
