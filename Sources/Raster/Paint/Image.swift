/// An RGBA image, 8 bits a channel, straight alpha, rows top to bottom.
///
/// Drawing into an image never fails: coordinates outside it are clipped.
public struct Image: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width · height · 4` bytes: r, g, b, a of each pixel, row by row. Read-only
    /// outside this type, so the count always matches the size (checked once, at
    /// construction); drawing goes through `RasterCanvas`.
    public private(set) var pixels: [UInt8]

    /// An image filled with `background` (transparent by default).
    /// Sizes below 1 are raised to 1.
    public init(width: Int, height: Int, background: Color = .clear) {
        self.width = max(1, width)
        self.height = max(1, height)
        let (r, g, b, a) = background.rgba8
        let n = self.width * self.height
        guard a != 0 else {
            pixels = [UInt8](repeating: 0, count: n * 4)
            return
        }
        // One 32-bit pattern per pixel (r in the lowest byte, as the bytes lie).
        let pattern = UInt32(littleEndian: UInt32(r) | UInt32(g) << 8 | UInt32(b) << 16 | UInt32(a) << 24)
        pixels = [UInt8](unsafeUninitializedCapacity: n * 4) { buffer, count in
            buffer.withMemoryRebound(to: UInt32.self) { $0.initialize(repeating: pattern) }
            count = n * 4
        }
    }

    /// Nil when `pixels` has not `width · height · 4` bytes.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, pixels.count == width * height * 4 else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixels as a mutable buffer of fixed size — the one way Raster's drawing
    /// code writes them (the buffer cannot grow or shrink, so the invariant holds).
    mutating func withMutablePixels<R>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try pixels.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// Makes this image a copy of `other`'s pixels in place, reusing this
    /// image's buffer (no allocation, no page faults) when nothing else shares
    /// it; a shared buffer is copied first, as any write to it would be.
    /// Returns false, changing nothing, when the sizes differ.
    @discardableResult
    public mutating func overwrite(with other: Image) -> Bool {
        guard other.width == width, other.height == height else { return false }
        other.pixels.withUnsafeBufferPointer { source in
            withMutablePixels { $0.baseAddress!.update(from: source.baseAddress!, count: source.count) }
        }
        return true
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: Double(width), height: Double(height)) }

    public subscript(x: Int, y: Int) -> Color {
        let i = (y * width + x) * 4
        return Color(r8: pixels[i], g8: pixels[i + 1], b8: pixels[i + 2], a8: pixels[i + 3])
    }

    /// Every pixel has alpha 255.
    public var isOpaque: Bool {
        stride(from: 3, to: pixels.count, by: 4).allSatisfy { pixels[$0] == 255 }
    }

    /// The pixels inside the integer rectangle `x..<x+w, y..<y+h`, clipped to the image.
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> Image {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        var out = Image(width: max(1, x1 - x0), height: max(1, y1 - y0))
        guard x1 > x0, y1 > y0 else { return out }
        for row in y0..<y1 {
            let src = (row * width + x0) * 4
            let dst = (row - y0) * out.width * 4
            out.pixels.replaceSubrange(dst..<dst + (x1 - x0) * 4, with: pixels[src..<src + (x1 - x0) * 4])
        }
        return out
    }

    /// Copies `other` with its top-left corner at (x, y), replacing pixels (no blending).
    public mutating func paste(_ other: Image, x: Int, y: Int) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + other.width), y1 = min(height, y + other.height)
        guard x1 > x0, y1 > y0 else { return }
        for row in y0..<y1 {
            let src = ((row - y) * other.width + (x0 - x)) * 4
            let dst = (row * width + x0) * 4
            pixels.replaceSubrange(dst..<dst + (x1 - x0) * 4, with: other.pixels[src..<src + (x1 - x0) * 4])
        }
    }
}
