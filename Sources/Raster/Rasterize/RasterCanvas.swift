/// The raster implementation of `Canvas`: draws into an `Image` with the
/// coverage rasterizer, anti-aliased, composited source-over, limited to `clip`.
///
/// Drawing never fails: geometry outside the image or the clip is cut off, and
/// non-finite points are not drawn (see `Rasterizer`). Every call paints its shape
/// once, so a translucent stroke is uniform even where it overlaps itself.
public struct RasterCanvas: MaskCanvas, Sendable {
    /// What has been drawn so far.
    public private(set) var image: Image
    public var clip: Rect?
    /// Threads `fillInOrder` rasterizes on (default 1).
    public var threads = 1

    public init(image: Image) {
        self.image = image
    }

    /// A canvas over a new image filled with `background`, rasterizing on
    /// `threads` threads (default 1).
    public init(width: Int, height: Int, background: Color = .clear, threads: Int = 1) {
        self.init(image: Image(width: width, height: height, background: background))
        self.threads = threads
    }

    public var width: Int { image.width }
    public var height: Int { image.height }

    public mutating func fillPixels(_ rect: Rect, color: Color) {
        guard let area = drawableArea, let r = rect.intersection(area) else { return }
        image.fill(clip == nil ? rect : r, color: color)
    }

    public mutating func paint(_ mask: CoverageMask, color: Color) {
        guard let area = drawableArea else { return }
        image.composite(mask, color: color, clip: clip == nil ? nil : area)
    }

    public mutating func draw(_ layer: PixelLayer) {
        guard let area = drawableArea else { return }
        image.composite(layer, clip: clip == nil ? nil : area)
    }
}
