import CGIF

/// What giflib itself reads from a GIF, below the composed frames: the
/// screen, the global table size and each image descriptor with its GCB.
struct GIFInspector {
    struct Frame {
        var left, top, width, height: Int
        var transparentIndex: Int
        var disposal: Int
        var delay: Int
        /// The frame's palette indices, row by row (`width × height`).
        var indices: [UInt8]
    }
    var width = 0, height = 0, tableSize = 0
    var frames: [Frame] = []

    private init() {}

    init?(_ bytes: [UInt8]) {
        final class Source { var bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }
        let source = Source(bytes)
        var error: Int32 = 0
        let opened = withExtendedLifetime(source) { () -> GIFInspector? in
            guard let gif = DGifOpen(Unmanaged.passUnretained(source).toOpaque(), { gif, buffer, count in
                let s = Unmanaged<Source>.fromOpaque(gif!.pointee.UserData).takeUnretainedValue()
                let n = min(Int(count), s.bytes.count - s.offset)
                for i in 0..<n { buffer![i] = s.bytes[s.offset + i] }
                s.offset += n
                return Int32(n)
            }, &error) else { return nil }
            defer { DGifCloseFile(gif, &error) }
            guard DGifSlurp(gif) == GIF_OK else { return nil }
            var info = GIFInspector()
            info.width = Int(gif.pointee.SWidth)
            info.height = Int(gif.pointee.SHeight)
            info.tableSize = Int(gif.pointee.SColorMap?.pointee.ColorCount ?? 0)
            for i in 0..<Int(gif.pointee.ImageCount) {
                let saved = gif.pointee.SavedImages[i]
                let d = saved.ImageDesc
                let raster = Array(UnsafeBufferPointer(start: saved.RasterBits, count: Int(d.Width * d.Height)))
                var gcb = GraphicsControlBlock()
                gcb.TransparentColor = -1
                _ = DGifSavedExtensionToGCB(gif, Int32(i), &gcb)
                info.frames.append(Frame(left: Int(d.Left), top: Int(d.Top), width: Int(d.Width), height: Int(d.Height),
                                         transparentIndex: Int(gcb.TransparentColor),
                                         disposal: Int(gcb.DisposalMode), delay: Int(gcb.DelayTime),
                                         indices: raster))
            }
            return info
        }
        guard let opened else { return nil }
        self = opened
    }
}
