import Raster

/// What an artist needs to draw itself: the canvas, the data → pixel map of its
/// axes, the plot area (the clip for data artists), the font and the units.
public struct DrawContext {
    public var canvas: Canvas
    /// Data coordinates → pixels (y down), through the axes' scales.
    public var dataToPixel: DataTransform
    /// The axes' plot area in pixels.
    public var plotArea: Rect
    public var font: Font
    public var theme: Theme
    /// Pixels per point: dpi / 72.
    public var pointScale: Double

    /// `points` converted to pixels.
    public func px(_ points: Double) -> Double { points * pointScale }
}
