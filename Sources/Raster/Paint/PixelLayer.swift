/// A rectangle of translucent colour: one straight-alpha RGBA value per pixel,
/// each channel a `Float` in [0, 1]. It is how an image made elsewhere — a 3-D
/// surface resolved from its supersampled depth buffer — is drawn onto a
/// `Canvas`: source-over, in one step, without first rounding its opacity to
/// 8 bits (so the result is the same as blending each pixel in place).
///
/// Pixels outside the layer, and pixels with alpha 0, leave the canvas untouched.
public struct PixelLayer: Sendable, Equatable {
    /// The layer's top-left pixel in canvas coordinates (may be off the canvas).
    public let x: Int
    public let y: Int
    public let width: Int
    public let height: Int
    /// `width · height · 4` values, r, g, b, a per pixel, row by row.
    public private(set) var values: [Float]

    /// A transparent layer; sizes below 0 become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
        values = [Float](repeating: 0, count: self.width * self.height * 4)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Sets pixel (`px`, `py`) in canvas coordinates to straight-alpha `r, g, b`
    /// at opacity `a` (all in [0, 1]); pixels outside the layer are ignored.
    public mutating func set(_ px: Int, _ py: Int, r: Float, g: Float, b: Float, a: Float) {
        let i = px - x, j = py - y
        guard i >= 0, j >= 0, i < width, j < height else { return }
        let k = (j * width + i) * 4
        values[k] = r; values[k + 1] = g; values[k + 2] = b; values[k + 3] = a
    }

    /// The layer as an 8-bit image of its own size (for backends that embed images).
    public var image: Image {
        var px = [UInt8](repeating: 0, count: width * height * 4)
        for i in px.indices { px[i] = UInt8(min(max(values[i] * 255 + 0.5, 0), 255)) }
        return Image(width: max(1, width), height: max(1, height), pixels: px)
            ?? Image(width: 1, height: 1)
    }
}
