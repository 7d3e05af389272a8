import Foundation

/// matplotlib's marker symbols, with its geometry (`matplotlib.markers`).
///
/// `size` is matplotlib's `markersize` converted to pixels (points · dpi / 72).
/// matplotlib defines each marker in a unit box, y up, and scales it by the size:
/// - `o`: a circle of diameter `size`; `.`: of diameter `size / 2`.
/// - `s`: a square of side `size`; `D`: that square turned 45° (side `size`, so its
///   corners are `size / √2` from the centre); `d`: `D` narrowed to 0.6 in x.
/// - `^`, `v`: apex at `size / 2` above (below) the centre, base `size` wide at
///   `size / 2` below (above): width and height `size`, area `size² / 2`.
/// - `*`: a 5-point star, outer radius `size / 2`, inner radius 0.381966 of it, a
///   point up; `p`, `h`: a regular pentagon / hexagon of radius `size / 2`, a
///   vertex up.
/// - `x`, `+`: two strokes of length `size · √2` (diagonals of the `size` box) and
///   `size`; they are not filled.
public enum MarkerShape: String, Sendable, CaseIterable {
    case point = "."
    case circle = "o"
    case triangleDown = "v"
    case triangleUp = "^"
    case square = "s"
    case pentagon = "p"
    case star = "*"
    case hexagon = "h"
    case plus = "+"
    case x = "x"
    case diamond = "D"
    case thinDiamond = "d"

    /// matplotlib's inner-to-outer radius ratio of the `*` marker (1 / φ², φ the golden ratio).
    public static let starInnerRatio = 0.381966

    /// The marker's outline centred at (0, 0), in pixels with y down (so `^` points
    /// up on screen). Empty for a size that is not positive and finite.
    public func path(size: Double) -> Path {
        guard size > 0, size.isFinite else { return Path() }
        let r = size / 2
        switch self {
        case .point:
            return .circle(center: .zero, radius: size / 4)
        case .circle:
            return .circle(center: .zero, radius: r)
        case .square:
            return .rectangle(Rect(x: -r, y: -r, width: size, height: size))
        case .diamond, .thinDiamond:
            let k = r * 2.0.squareRoot()             // half diagonal of the turned square
            let kx = self == .diamond ? k : 0.6 * k
            return Path(polyline: [Point(0, -k), Point(kx, 0), Point(0, k), Point(-kx, 0)], closed: true)
        case .triangleUp:
            return Path(polyline: [Point(0, -r), Point(-r, r), Point(r, r)], closed: true)
        case .triangleDown:
            return Path(polyline: [Point(0, r), Point(r, -r), Point(-r, -r)], closed: true)
        case .star:
            return MarkerShape.regular(points: 10) { $0 % 2 == 0 ? r : r * MarkerShape.starInnerRatio }
        case .pentagon:
            return MarkerShape.regular(points: 5) { _ in r }
        case .hexagon:
            return MarkerShape.regular(points: 6) { _ in r }
        case .plus:
            var p = Path()
            p.move(to: Point(-r, 0)); p.line(to: Point(r, 0))
            p.move(to: Point(0, -r)); p.line(to: Point(0, r))
            return p
        case .x:
            var p = Path()
            p.move(to: Point(-r, -r)); p.line(to: Point(r, r))
            p.move(to: Point(-r, r)); p.line(to: Point(r, -r))
            return p
        }
    }

    /// False for the stroke-only markers `x` and `+`, whose colour is the edge (line)
    /// colour.
    public var isFilled: Bool { self != .plus && self != .x }

    /// The join matplotlib strokes the marker's edge with: miter for polygons, bevel
    /// for the star, round otherwise. Caps are butt for every marker.
    public var join: LineJoin {
        switch self {
        case .square, .diamond, .thinDiamond, .triangleUp, .triangleDown, .pentagon, .hexagon: .miter
        case .star: .bevel
        case .point, .circle, .plus, .x: .round
        }
    }

    /// A closed polygon of `points` vertices, the first straight up, going round at
    /// equal angles, the k-th at distance `radius(k)` from the centre.
    private static func regular(points: Int, radius: (Int) -> Double) -> Path {
        let vertices = (0..<points).map { k -> Point in
            let angle = 2 * Double.pi * Double(k) / Double(points)
            let rk = radius(k)
            return Point(rk * sin(angle), -rk * cos(angle))
        }
        return Path(polyline: vertices, closed: true)
    }
}
