import CGIF
import Raster

/// Decodes a GIF into composed full frames through giflib's `DGifSlurp`
/// (used by tests to check what `GIFAnimation` wrote).
///
/// Frames are composed the way browsers show them: each image is drawn over
/// the canvas left by the previous frame, skipping its transparent index; then
/// the frame's disposal is applied before the next one — 2 clears its rectangle
/// to transparent (RGBA 0,0,0,0), 3 restores the canvas from before it, 0 and 1
/// leave it. The canvas starts transparent. Interlaced images are de-interlaced
/// by giflib.
public enum GIFDecoder {
    /// - Returns: the composed frames (RGBA, canvas-sized), each frame's delay in
    ///   hundredths (0 when it has no Graphic Control Extension), and the loop
    ///   count in `GIFAnimation.loopCount`'s terms: 0 = forever, N = played N times
    ///   in all (the NETSCAPE2.0 repeat count + 1), nil = no loop block (viewers
    ///   play once).
    /// - Throws: `EncodeError` for bytes giflib cannot read (with its message), a
    ///   file without colour table for an image, or a pixel index beyond its table.
    public static func decode(_ bytes: [UInt8]) throws -> (frames: [Image], delays: [Int], loopCount: Int?) {
        let source = ByteSource(bytes)
        return try withExtendedLifetime(source) {
            var error: Int32 = 0
            guard let gif = DGifOpen(source.opaque, { gif, buffer, count in
                guard let user = gif?.pointee.UserData, let buffer else { return 0 }
                return Int32(ByteSource.from(user).read(into: buffer, count: Int(count)))
            }, &error) else {
                throw EncodeError("not a readable GIF: \(GIFWriter.text(error))")
            }
            defer { DGifCloseFile(gif, &error) }
            guard DGifSlurp(gif) == GIF_OK else {
                throw EncodeError("GIF data unreadable: \(GIFWriter.text(gif.pointee.Error))")
            }
            return try compose(gif)
        }
    }

    private static func compose(_ gif: UnsafeMutablePointer<GifFileType>) throws
        -> (frames: [Image], delays: [Int], loopCount: Int?)
    {
        let file = gif.pointee
        let width = Int(file.SWidth), height = Int(file.SHeight)
        guard width > 0, height > 0 else { throw EncodeError("GIF has an empty screen \(width)×\(height)") }
        var canvas = [UInt8](repeating: 0, count: width * height * 4)
        var frames: [Image] = [], delays: [Int] = []
        for i in 0..<Int(file.ImageCount) {
            let saved = file.SavedImages[i]
            var gcb = GraphicsControlBlock(DisposalMode: 0, UserInputFlag: false, DelayTime: 0,
                                           TransparentColor: NO_TRANSPARENT_COLOR)
            _ = DGifSavedExtensionToGCB(gif, Int32(i), &gcb)   // leaves the defaults when absent
            let before = gcb.DisposalMode == DISPOSE_PREVIOUS ? canvas : nil
            try draw(saved, globalMap: file.SColorMap, transparent: Int(gcb.TransparentColor),
                     onto: &canvas, width: width, height: height, frame: i)
            frames.append(Image(width: width, height: height, pixels: canvas)!)
            delays.append(Int(gcb.DelayTime))
            if gcb.DisposalMode == DISPOSE_BACKGROUND {
                clear(saved.ImageDesc, in: &canvas, width: width, height: height)
            } else if let before {
                canvas = before
            }
        }
        return (frames, delays, loopCount(file))
    }

    private static func draw(_ saved: SavedImage, globalMap: UnsafeMutablePointer<ColorMapObject>?,
                             transparent: Int, onto canvas: inout [UInt8], width: Int, height: Int,
                             frame: Int) throws {
        let d = saved.ImageDesc
        guard let map = d.ColorMap ?? globalMap, let colors = map.pointee.Colors else {
            throw EncodeError("GIF frame \(frame) has no colour table")
        }
        let count = Int(map.pointee.ColorCount)
        guard let raster = saved.RasterBits else { return }
        for y in 0..<Int(d.Height) {
            let cy = Int(d.Top) + y
            guard cy >= 0, cy < height else { continue }
            for x in 0..<Int(d.Width) {
                let cx = Int(d.Left) + x
                guard cx >= 0, cx < width else { continue }
                let index = Int(raster[y * Int(d.Width) + x])
                if index == transparent { continue }
                guard index < count else {
                    throw EncodeError("GIF frame \(frame) uses index \(index) beyond its \(count)-colour table")
                }
                let c = colors[index], o = (cy * width + cx) * 4
                canvas[o] = c.Red; canvas[o + 1] = c.Green; canvas[o + 2] = c.Blue; canvas[o + 3] = 255
            }
        }
    }

    private static func clear(_ d: GifImageDesc, in canvas: inout [UInt8], width: Int, height: Int) {
        for y in max(0, Int(d.Top))..<min(height, Int(d.Top + d.Height)) {
            for x in max(0, Int(d.Left))..<min(width, Int(d.Left + d.Width)) {
                for c in 0..<4 { canvas[(y * width + x) * 4 + c] = 0 }
            }
        }
    }

    /// The NETSCAPE2.0 (or ANIMEXTS1.0) repeat count, wherever DGifSlurp filed it
    /// (before some image, or after the last one).
    private static func loopCount(_ file: GifFileType) -> Int? {
        var lists = (0..<Int(file.ImageCount)).map {
            (Int(file.SavedImages[$0].ExtensionBlockCount), file.SavedImages[$0].ExtensionBlocks)
        }
        lists.append((Int(file.ExtensionBlockCount), file.ExtensionBlocks))
        for (count, blocks) in lists {
            guard let blocks, count > 1 else { continue }
            for j in 0..<count - 1 where blocks[j].Function == APPLICATION_EXT_FUNC_CODE && blocks[j].ByteCount == 11 {
                let id = String(decoding: UnsafeBufferPointer(start: blocks[j].Bytes, count: 11), as: UTF8.self)
                let sub = blocks[j + 1]
                guard id == "NETSCAPE2.0" || id == "ANIMEXTS1.0", sub.Function == CONTINUE_EXT_FUNC_CODE,
                      sub.ByteCount >= 3, let data = sub.Bytes, data[0] == 1 else { continue }
                let repeats = Int(data[1]) | Int(data[2]) << 8
                return repeats == 0 ? 0 : repeats + 1
            }
        }
        return nil
    }
}
