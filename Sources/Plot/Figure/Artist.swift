import Raster

/// Something an axes draws: contours, a line, a marker, a text. Artists draw in
/// ascending `zorder` (matplotlib's: contour fills 1, lines 2, text 3), ties in
/// the order they were added.
public protocol Artist: Sendable {
    var zorder: Double { get }
    /// The extent in data coordinates that autoscaling should cover; nil if none.
    var dataBounds: Rect? { get }
    /// A legend entry, when the artist has a label.
    var legendEntry: LegendEntry? { get }
    /// Data points a legend placed at 'best' should avoid covering.
    var dataPoints: [Point] { get }
    func draw(in context: inout DrawContext)
}

extension Artist {
    public var legendEntry: LegendEntry? { nil }
    public var dataPoints: [Point] { [] }
}

/// How a legend shows one artist: its label and a sample of its line and marker.
public struct LegendEntry: Sendable {
    public var label: String
    public var style: LineStyle

    public init(label: String, style: LineStyle) {
        self.label = label
        self.style = style
    }
}
