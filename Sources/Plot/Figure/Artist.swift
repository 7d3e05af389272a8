import Raster

/// Something an axes draws: contours, a line, a marker, a text. Artists draw in
/// ascending `zorder` (matplotlib's: contour fills 1, lines 2, text 3), ties in
/// the order they were added.
public protocol Artist: Sendable {
    var zorder: Double { get }
    /// The extent in data coordinates that autoscaling should cover; nil if none.
    var dataBounds: Rect? { get }
    /// Edges autoscaling margins must not cross (matplotlib's sticky edges: the
    /// domain of a filled contour); nil for none.
    var stickyEdges: Rect? { get }
    /// A legend entry, when the artist has a label.
    var legendEntry: LegendEntry? { get }
    /// Data points a legend placed at 'best' should avoid covering.
    var dataPoints: [Point] { get }
    /// How the artist takes part in an animation (static unless it says otherwise).
    var animationRole: AnimationRole { get }
    func draw(in context: inout DrawContext)
    /// Draws the artist as it is at optimizer step `step` of an animation;
    /// only called for non-static roles. Default: `draw(in:)`.
    func draw(in context: inout DrawContext, atStep step: Int)
    /// The artist with what its frames share worked out once for the layout of
    /// `context` (its plot area, data → pixel map, font and theme): a moving
    /// artist's drawing calls it once, then draws the result at every step.
    /// It must draw exactly what `self` draws in that context. Default: `self`.
    func prepared(for context: DrawContext) -> any Artist
}

extension Artist {
    public var legendEntry: LegendEntry? { nil }
    public var stickyEdges: Rect? { nil }
    public var dataPoints: [Point] { [] }
    public var animationRole: AnimationRole { .static }
    public func draw(in context: inout DrawContext, atStep step: Int) { draw(in: &context) }
    public func prepared(for context: DrawContext) -> any Artist { self }
}

/// An artist's part in an animation: drawn once into the static layer, grown
/// step by step (a trajectory: points 0…k and a head marker at k), or shown
/// only once the last step is reached (the end marker and its label).
public enum AnimationRole: Sendable, Hashable {
    case `static`
    case growing
    case final(step: Int)
}

/// How a legend shows one artist: its label and a sample of its line and marker.
public struct LegendEntry: Sendable {
    public var label: String
    public var style: LineStyle
    /// An outline under the swatch's line, as the artist is drawn (3-D paths); nil = none.
    public var casing: LineCasing?

    public init(label: String, style: LineStyle) {
        self.label = label
        self.style = style
    }
}
