import Raster

/// A panel's cell in a `subplots` grid: row and column from the top left, and the
/// grid's size.
public typealias GridCell = (row: Int, column: Int, rows: Int, columns: Int)

/// One plot of a figure: a 2-D `Axes` or a 3-D `Axes3D`. A `Figure` holds its
/// panels in one list, lays them out with one layout (`FigureLayout`) and draws
/// each in two layers: what never changes, and what changes with the optimizer
/// step (the paths). A still is the static layer with the moving one at the last
/// step; an animation draws the static layer once and the moving one per frame
/// (`FigureAnimation`), so the last frame is the still by construction.
public protocol Panel: Sendable {
    /// Where the panel goes, as a figure fraction with y up (matplotlib's
    /// `left, bottom, width, height`).
    var position: Rect { get set }
    /// Its cell in a `subplots` grid, or nil for a free panel at `position`.
    var gridCell: GridCell? { get set }
    /// The largest step any moving content reaches: an animation runs 0…this.
    /// 0 for a panel without paths.
    var lastStep: Int { get }
    /// The panel with only its data: no frame, ticks, labels, title, legend or
    /// colorbar (`--bare`).
    func bare() -> Self
    /// The panel with its limits resolved (autoscaled ones fixed at what
    /// autoscaling gives), so the layout's passes and the drawing compute them
    /// once per render.
    func resolvingLimits() -> Self
    /// The panel seen from a camera turned by `degrees` of azimuth (a camera orbit);
    /// a 2-D panel is unchanged.
    func turned(byAzimuth degrees: Double) -> Self
    /// The room its decorations need outside `box` (pixels), for the layout.
    func margins(for box: Rect, in environment: DrawEnvironment) -> Margins
    /// The panel laid out in `box` (pixels): everything computed once per render
    /// (limits, ticks, legend placement, a 3-D depth buffer), ready to draw.
    func laidOut(in box: Rect, environment: DrawEnvironment) -> any PanelDrawing
}

/// A panel laid out in its box: draws its static layer once, then its moving
/// layer at any step, onto any `Canvas`.
public protocol PanelDrawing: Sendable {
    /// The plot area in pixels (inside the frame; for a 3-D panel its viewport).
    var plotArea: Rect { get }
    /// Data → pixel map of the plot area (identity for a 3-D panel).
    var dataToPixel: DataTransform { get }
    /// Everything drawn before the first moving artist in the drawing order.
    func drawStatic(on canvas: inout any Canvas)
    /// Everything from the first moving artist on, as at optimizer step `step`
    /// (paths up to it, head markers, end markers once reached, then the static
    /// parts that lie above the paths: frame, texts, legend). `step` at or beyond
    /// `Panel.lastStep` draws the finished figure.
    func drawMoving(atStep step: Int, on canvas: inout any Canvas)
}

/// What every panel draws with: the font, the theme and the figure's size and dpi.
public struct DrawEnvironment: Sendable {
    public var font: Font
    public var theme: Theme
    public var dpi: Double
    /// The figure's size in pixels.
    public var figureWidth: Int
    public var figureHeight: Int

    public init(font: Font, theme: Theme, dpi: Double, figureWidth: Int, figureHeight: Int) {
        self.font = font
        self.theme = theme
        self.dpi = dpi
        self.figureWidth = figureWidth
        self.figureHeight = figureHeight
    }

    /// Pixels per point: dpi / 72.
    public var pointScale: Double { dpi / 72 }
}
