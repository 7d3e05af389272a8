@testable import Raster

/// Helpers shared by the text tests.
enum TextTestSupport {
    /// The integer box (minX, minY, maxX, maxY), inclusive, of pixels that differ from
    /// white, or nil when the image is untouched.
    static func inkBox(_ img: Image, threshold: UInt8 = 0) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
        var box: (Int, Int, Int, Int)? = nil
        for y in 0..<img.height {
            for x in 0..<img.width {
                let i = (y * img.width + x) * 4
                let dark = 255 - min(img.pixels[i], img.pixels[i + 1], img.pixels[i + 2])
                guard dark > threshold else { continue }
                if let b = box {
                    box = (min(b.0, x), min(b.1, y), max(b.2, x), max(b.3, y))
                } else {
                    box = (x, y, x, y)
                }
            }
        }
        return box.map { (minX: $0.0, minY: $0.1, maxX: $0.2, maxY: $0.3) }
    }

    /// A white canvas with `text` drawn black.
    static func render(_ text: String, size: Double = 20, at: Point = Point(150, 100),
                       width: Int = 300, height: Int = 200,
                       anchorX: TextAnchorX = .left, anchorY: TextAnchorY = .baseline,
                       rotation: Double = 0, clip: Rect? = nil) throws -> Image {
        var canvas = RasterCanvas(width: width, height: height, background: .white)
        canvas.clip = clip
        canvas.drawText(text, font: try Font.defaultFont(), at: at, sizePx: size, color: .black,
                        anchorX: anchorX, anchorY: anchorY, rotation: rotation)
        return canvas.image
    }
}
