import Raster

/// A thin dark outline drawn under a line — the casing of a road on a map — so
/// that a line of any colour reads on a surface of any colour: a pale path on
/// a pale surface, or a path in the surface's own colour (seed 004's RMSprop
/// `#f19ec2` on its `#f19ec2` surface), keeps its hue and gets a dark edge.
///
/// The casing is the line stroked `width` points wider on each side, in
/// `color`, painted before the line itself; a legend swatch of a cased line is
/// cased the same way.
public struct LineCasing: Sendable, Hashable {
    /// The outline's colour (default near-black at 75 % opacity: dark on a light
    /// surface, still visible as a darker rim on a dark one).
    public var color: Color
    /// Width of the outline on each side of the line, in points (default 0.75).
    public var width: Double

    public init(color: Color = LineCasing.dark.color, width: Double = LineCasing.dark.width) {
        self.color = color
        self.width = width
    }

    /// The default casing of 3-D paths.
    public static let dark = LineCasing(color: Color(r: 0.1, g: 0.1, b: 0.1, a: 0.75), width: 0.75)

    /// The full width of the cased stroke for a line `lineWidth` wide (same units).
    public func outerWidth(lineWidth: Double, pointScale: Double) -> Double {
        lineWidth + 2 * width * pointScale
    }
}
