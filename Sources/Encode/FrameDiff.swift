#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Raster

/// An integer pixel rectangle `x..<x+width, y..<y+height`.
struct PixelRect: Equatable, Sendable {
    var x, y, width, height: Int

    var area: Int { width * height }
}

/// Cuts a stream of frames into what changed: keeps the previous frame and
/// turns each new one into the rectangle whose RGBA changed (the whole canvas
/// for the first; nil when nothing changed) and its opaque colours.
///
/// The caller checks sizes first (`GIFAnimation.addFrame`). Holds one frame
/// (the previous, shared with the caller's copy until either is modified).
struct FrameDiffer {
    let width: Int
    let height: Int
    private var previous: Image?

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    mutating func next(_ image: Image) -> (rect: PixelRect?, rgb: [UInt32]) {
        let rect: PixelRect? = previous.map { FrameDiff.changedRect($0, image) }
            ?? PixelRect(x: 0, y: 0, width: width, height: height)
        let rgb = rect.map { FrameDiff.opaqueRGB(image, in: $0) } ?? []
        previous = image
        return (rect, rgb)
    }

    /// `next`, with the rectangle's colours added to `histogram` and then the
    /// long spans of pixels whose RGBA equals the previous frame's replaced by
    /// `RunLengthPixels.unchanged` (`FrameDiff.markUnchanged`) — for holding
    /// the frame, where those are a few long runs. (The previous frame is not
    /// kept past this call: a frame pool reuses it.)
    mutating func nextMarkingUnchanged(_ image: Image, counting histogram: inout ColorHistogram)
        -> (rect: PixelRect?, pixels: [UInt32]) {
        let before = previous
        var (rect, rgb) = next(image)
        rgb.withUnsafeBufferPointer { histogram.add($0) }
        if let before, let rect { FrameDiff.markUnchanged(&rgb, in: rect, of: image, since: before) }
        return (rect, rgb)
    }
}

/// Finding what changed between two frames, and converting the changed part to
/// the opaque colours the GIF writer works with.
///
/// The animation model draws a static layer once and adds a path segment per
/// frame, so almost every pixel of a frame equals the one before. Comparing
/// whole rows with `memcmp` first makes the static rows nearly free; only the
/// rows that differ are scanned pixel by pixel, and only outside the columns
/// already known to change.
enum FrameDiff {
    /// The bounding rectangle of the elements that differ between two
    /// `width × height` grids (row strides in elements), or nil when equal.
    static func changedBounds<T: FixedWidthInteger>(
        _ a: UnsafePointer<T>, strideA: Int, _ b: UnsafePointer<T>, strideB: Int,
        width: Int, height: Int
    ) -> PixelRect? {
        let rowBytes = width * MemoryLayout<T>.stride
        func rowDiffers(_ y: Int) -> Bool { memcmp(a + y * strideA, b + y * strideB, rowBytes) != 0 }
        guard let top = (0..<height).first(where: rowDiffers) else { return nil }
        let bottom = (top..<height).last(where: rowDiffers)!
        var minX = width, maxX = -1
        for y in top...bottom where rowDiffers(y) {
            let ra = a + y * strideA, rb = b + y * strideB
            // Only columns that would widen the box are worth looking at.
            var x = 0
            while x < minX { if ra[x] != rb[x] { minX = x; break }; x += 1 }
            x = width - 1
            while x > maxX { if ra[x] != rb[x] { maxX = x; break }; x -= 1 }
        }
        return PixelRect(x: minX, y: top, width: maxX - minX + 1, height: bottom - top + 1)
    }

    /// The bounding rectangle of pixels whose RGBA differs between two images of
    /// the same size (callers check the size), or nil when they are identical.
    static func changedRect(_ previous: Image, _ current: Image) -> PixelRect? {
        previous.pixels.withUnsafeBytes { pa in
            current.pixels.withUnsafeBytes { pb in
                changedBounds(pa.bindMemory(to: UInt32.self).baseAddress!, strideA: current.width,
                              pb.bindMemory(to: UInt32.self).baseAddress!, strideB: current.width,
                              width: current.width, height: current.height)
            }
        }
    }

    /// The pixels of `rect` as packed opaque RGB (`r | g << 8 | b << 16`), row by
    /// row. GIF has only one-bit transparency and the transparent index is
    /// reserved for frame differencing, so translucent pixels are composited
    /// over white (a figure's background); fully transparent ones become white.
    static func opaqueRGB(_ image: Image, in rect: PixelRect) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: rect.area)
        image.pixels.withUnsafeBytes { raw in
            let px = raw.bindMemory(to: UInt32.self)
            out.withUnsafeMutableBufferPointer { dst in
                var i = 0
                for y in rect.y..<rect.y + rect.height {
                    let row = y * image.width
                    for x in rect.x..<rect.x + rect.width {
                        dst[i] = compositeOverWhite(UInt32(littleEndian: px[row + x]))
                        i += 1
                    }
                }
            }
        }
        return out
    }

    /// The shortest run of unchanged pixels `markUnchanged` marks. Shorter
    /// ones — where a turning camera happens to leave a pixel's colour as it
    /// was — would only cut a colour's run in two.
    static let minimumUnchangedRun = 16

    /// Replaces each run of at least `minimumUnchangedRun` pixels in a row of
    /// `rgb` (the pixels of `rect` in `current`) whose RGBA in `current` equals
    /// `previous`'s by `RunLengthPixels.unchanged` — when that leaves fewer
    /// runs of one value than `rgb` has (a path growing over a large
    /// rectangle), and not when it would cut more runs than it joins (a camera
    /// orbit, where the background a surface uncovers meets background that
    /// stays). Returns whether it did.
    @discardableResult
    static func markUnchanged(_ rgb: inout [UInt32], in rect: PixelRect, of current: Image,
                              since previous: Image) -> Bool {
        // The unchanged spans, as ranges of `rgb`.
        var spans: [Range<Int>] = []
        previous.pixels.withUnsafeBytes { pa in
            current.pixels.withUnsafeBytes { pb in
                let a = pa.bindMemory(to: UInt32.self), b = pb.bindMemory(to: UInt32.self)
                for y in 0..<rect.height {
                    let image = (rect.y + y) * current.width + rect.x, held = y * rect.width
                    var x = 0
                    while x < rect.width {
                        guard a[image + x] == b[image + x] else { x += 1; continue }
                        var end = x + 1
                        while end < rect.width && a[image + end] == b[image + end] { end += 1 }
                        if end - x >= minimumUnchangedRun { spans.append(held + x..<held + end) }
                        x = end
                    }
                }
            }
        }
        guard !spans.isEmpty else { return false }
        return rgb.withUnsafeMutableBufferPointer { out in
            // Runs of one value before and after marking, counted as value
            // changes along the pixels (the after value of pixel i is
            // `unchanged` inside a span).
            var before = 0, after = 0, span = 0
            var last = out[0], lastAfter = spans[0].contains(0) ? RunLengthPixels.unchanged : out[0]
            for i in 1..<out.count {
                while span < spans.count && spans[span].upperBound <= i { span += 1 }
                let marked = span < spans.count && spans[span].contains(i)
                let value = out[i], valueAfter = marked ? RunLengthPixels.unchanged : value
                if value != last { before += 1 }
                if valueAfter != lastAfter { after += 1 }
                (last, lastAfter) = (value, valueAfter)
            }
            guard after < before else { return false }
            for s in spans { (out.baseAddress! + s.lowerBound).update(repeating: RunLengthPixels.unchanged, count: s.count) }
            return true
        }
    }

    /// `rgba` packed little-endian (r in the low byte) → opaque packed RGB.
    @inline(__always)
    static func compositeOverWhite(_ rgba: UInt32) -> UInt32 {
        let a = rgba >> 24
        if a == 255 { return rgba & 0x00FF_FFFF }
        // c·a + 255·(255 − a), divided by 255 with rounding, per channel.
        let white = 255 * (255 - a) + 127
        let r = ((rgba & 0xFF) * a + white) / 255
        let g = ((rgba >> 8 & 0xFF) * a + white) / 255
        let b = ((rgba >> 16 & 0xFF) * a + white) / 255
        return r | g << 8 | b << 16
    }
}
