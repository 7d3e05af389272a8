/// A point or a vector in a plane, in float64.
///
/// Pixel space has its origin at the top-left corner of the image with y down;
/// a pixel's centre is at (i + 0.5, j + 0.5).
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    public init(x: Double, y: Double) {
        self.init(x, y)
    }

    public static let zero = Point(0, 0)

    /// Both coordinates are finite (neither NaN nor infinite).
    public var isFinite: Bool { x.isFinite && y.isFinite }

    /// Euclidean length of the vector.
    public var length: Double { (x * x + y * y).squareRoot() }

    /// The vector scaled to length 1; `.zero` for the zero vector.
    public var normalized: Point {
        let l = length
        return l > 0 ? Point(x / l, y / l) : .zero
    }

    /// The vector turned 90° (counter-clockwise in y-up space).
    public var perpendicular: Point { Point(-y, x) }

    public func dot(_ o: Point) -> Double { x * o.x + y * o.y }

    /// z of the 3-D cross product: positive when `o` turns left of `self` in y-up space.
    public func cross(_ o: Point) -> Double { x * o.y - y * o.x }

    public func distance(to o: Point) -> Double { (self - o).length }

    public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    public static func * (a: Point, s: Double) -> Point { Point(a.x * s, a.y * s) }
    public static func * (s: Double, a: Point) -> Point { Point(a.x * s, a.y * s) }
    public static func / (a: Point, s: Double) -> Point { Point(a.x / s, a.y / s) }
    public static prefix func - (a: Point) -> Point { Point(-a.x, -a.y) }

    /// Linear interpolation: `self` at t = 0, `o` at t = 1.
    public func lerp(_ o: Point, _ t: Double) -> Point { self + (o - self) * t }

    /// The nearest pixel corner (halves rounded up): where matplotlib's Agg
    /// places every marker, stamping one rasterization at `floor(x + 0.5)`,
    /// `floor(y + 0.5)`. Animations put their moving head markers there, so
    /// a head that moves less than half a pixel leaves its frame unchanged.
    public var onPixelCorner: Point { Point((x + 0.5).rounded(.down), (y + 0.5).rounded(.down)) }
}
