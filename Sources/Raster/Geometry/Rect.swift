/// An axis-aligned rectangle: origin (minimum corner) and size.
///
/// Width and height are never negative; `init?(minX:minY:maxX:maxY:)` returns nil
/// for an inverted or non-finite rectangle.
public struct Rect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Nil when a bound is not finite or max < min.
    public init?(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        guard minX.isFinite, minY.isFinite, maxX.isFinite, maxY.isFinite,
              maxX >= minX, maxY >= minY else { return nil }
        self.init(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }
    public var center: Point { Point(midX, midY) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func contains(_ p: Point) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    /// The common part, or nil when the rectangles do not overlap.
    public func intersection(_ o: Rect) -> Rect? {
        Rect(minX: max(minX, o.minX), minY: max(minY, o.minY),
             maxX: min(maxX, o.maxX), maxY: min(maxY, o.maxY))
    }

    /// The smallest rectangle holding both.
    public func union(_ o: Rect) -> Rect {
        Rect(minX: min(minX, o.minX), minY: min(minY, o.minY),
             maxX: max(maxX, o.maxX), maxY: max(maxY, o.maxY))!
    }

    public func intersects(_ o: Rect) -> Bool {
        minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY
    }

    /// Grown by `dx` on the left and right and `dy` on top and bottom (shrunk when negative).
    public func insetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// The bounding box of finite points; nil when there is none.
    public static func bounding<S: Sequence>(_ points: S) -> Rect? where S.Element == Point {
        var lo = Point(.infinity, .infinity), hi = Point(-.infinity, -.infinity)
        for p in points where p.isFinite {
            lo = Point(min(lo.x, p.x), min(lo.y, p.y))
            hi = Point(max(hi.x, p.x), max(hi.y, p.y))
        }
        return Rect(minX: lo.x, minY: lo.y, maxX: hi.x, maxY: hi.y)
    }
}
