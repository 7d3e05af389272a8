/// Turns the frames a `GIFAnimation` kept into a GIF: one palette for all
/// frames, then each frame reduced to what changed on screen.
///
/// `addFrame` already cut each frame to the rectangle whose RGBA changed. Here
/// the rectangle is mapped to palette indices and compared with the indices on
/// screen (the canvas), which can shrink it further — two colours that differ
/// in RGBA may share an entry. Inside the final rectangle, pixels equal to the
/// canvas become the transparent index: long transparent runs are what LZW
/// compresses best, so a frame that adds one path segment costs a few hundred
/// bytes.
struct GIFEncoding {
    let width: Int
    let height: Int
    let frames: [StoredFrame]
    let delays: [Int]
    let loopCount: Int

    func encode() throws -> [UInt8] {
        var histogram = ColorHistogram()
        for frame in frames { frame.rgb.withUnsafeBufferPointer { histogram.add($0) } }
        var palette = GIFPalette(histogram: histogram, needsTransparency: frames.count > 1)

        let writer = try GIFWriter()
        try writer.screen(width: width, height: height, colors: palette.colors, tableSize: palette.tableSize)
        if loopCount != 1 { try writer.loop(repeats: loopCount == 0 ? 0 : loopCount - 1) }

        var canvas = [UInt8](repeating: 0, count: width * height)
        var mapped: [UInt8] = []
        for (k, frame) in frames.enumerated() {
            var patch: (rect: PixelRect, indices: [UInt8])?
            if let rect = frame.rect {
                mapped = [UInt8](repeating: 0, count: rect.area)
                frame.rgb.withUnsafeBufferPointer { src in
                    mapped.withUnsafeMutableBufferPointer { palette.map(src, into: $0) }
                }
                patch = k == 0
                    ? (rect, mapped)
                    : difference(mapped, in: rect, canvas: &canvas, transparent: palette.transparentIndex)
                if k == 0 { canvas = mapped }
            }
            // Nothing changed: one pixel that leaves the screen as it is.
            var (rect, indices) = patch ?? (PixelRect(x: 0, y: 0, width: 1, height: 1),
                                            [UInt8(palette.transparentIndex ?? Int(canvas[0]))])
            try writer.graphicsControl(delay: delays[k], transparentIndex: k == 0 ? nil : palette.transparentIndex)
            try writer.image(rect, indices: &indices)
        }
        return try writer.finish()
    }

    /// The smallest rectangle where `mapped` (the indices of `rect`) differs from
    /// the canvas, with unchanged pixels set to `transparent` when there is one;
    /// updates the canvas. Nil when nothing differs.
    private func difference(_ mapped: [UInt8], in rect: PixelRect, canvas: inout [UInt8],
                            transparent: Int?) -> (PixelRect, [UInt8])? {
        let width = self.width
        return mapped.withUnsafeBufferPointer { src in
            canvas.withUnsafeMutableBufferPointer { screen in
                let origin = screen.baseAddress! + rect.y * width + rect.x
                guard let local = FrameDiff.changedBounds(src.baseAddress!, strideA: rect.width,
                                                          UnsafePointer(origin), strideB: width,
                                                          width: rect.width, height: rect.height)
                else { return nil }
                var out = [UInt8](repeating: 0, count: local.area)
                out.withUnsafeMutableBufferPointer { dst in
                    for row in 0..<local.height {
                        let s = src.baseAddress! + (local.y + row) * rect.width + local.x
                        let c = origin + (local.y + row) * width + local.x
                        let d = dst.baseAddress! + row * local.width
                        for x in 0..<local.width {
                            let new = s[x]
                            d[x] = transparent != nil && c[x] == new ? UInt8(transparent!) : new
                            c[x] = new
                        }
                    }
                }
                let placed = PixelRect(x: rect.x + local.x, y: rect.y + local.y,
                                       width: local.width, height: local.height)
                return (placed, out)
            }
        }
    }
}
