import Raster

/// What an artist needs to draw itself: the canvas, the data → pixel map of its
/// axes, the plot area (the clip for data artists), the font and the units.
public struct DrawContext {
    public var canvas: any Canvas
    /// Data coordinates → pixels (y down), through the axes' scales.
    public var dataToPixel: DataTransform
    /// The axes' plot area in pixels.
    public var plotArea: Rect
    public var font: Font
    public var theme: Theme
    /// Pixels per point: dpi / 72.
    public var pointScale: Double

    public init(canvas: any Canvas, dataToPixel: DataTransform, plotArea: Rect, font: Font, theme: Theme,
                pointScale: Double) {
        self.canvas = canvas
        self.dataToPixel = dataToPixel
        self.plotArea = plotArea
        self.font = font
        self.theme = theme
        self.pointScale = pointScale
    }

    /// `points` converted to pixels.
    public func px(_ points: Double) -> Double { points * pointScale }

    /// Draws `text` through the canvas (clipped to its clip).
    public mutating func drawText(_ text: String, at p: Point, sizePx: Double, color: Color,
                                  anchorX: TextAnchorX = .left, anchorY: TextAnchorY = .baseline,
                                  rotation: Double = 0) {
        canvas.drawText(text, font: font, at: p, sizePx: sizePx, color: color, anchorX: anchorX,
                        anchorY: anchorY, rotation: rotation)
    }
}
