import Foundation

/// A 2-D path of subpaths made of lines and Bézier curves, built with
/// `move`, `line`, `quad`, `cubic` and `close`.
///
/// A path is a value; the builder methods mutate it. Drawing a path never fails:
/// elements with non-finite coordinates are dropped by the rasterizer.
public struct Path: Sendable, Equatable {
    public enum Element: Sendable, Equatable {
        case move(Point)
        case line(Point)
        case quad(Point, Point)
        case cubic(Point, Point, Point)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}

    public init(elements: [Element]) { self.elements = elements }

    /// A path through `points`, optionally closed.
    public init(polyline points: [Point], closed: Bool = false) {
        guard let first = points.first else { return }
        elements.reserveCapacity(points.count + 1)
        elements.append(.move(first))
        for p in points.dropFirst() { elements.append(.line(p)) }
        if closed { elements.append(.close) }
    }

    public var isEmpty: Bool { elements.isEmpty }

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func quad(to p: Point, control c: Point) { elements.append(.quad(c, p)) }
    public mutating func cubic(to p: Point, control1 c1: Point, control2 c2: Point) {
        elements.append(.cubic(c1, c2, p))
    }
    public mutating func close() { elements.append(.close) }

    /// Appends every subpath of `other`.
    public mutating func append(_ other: Path) { elements.append(contentsOf: other.elements) }

    /// The path with every point mapped through `t`.
    public func transformed(by t: Transform) -> Path {
        Path(elements: elements.map { e in
            switch e {
            case .move(let p): return .move(t.apply(p))
            case .line(let p): return .line(t.apply(p))
            case .quad(let c, let p): return .quad(t.apply(c), t.apply(p))
            case .cubic(let c1, let c2, let p): return .cubic(t.apply(c1), t.apply(c2), t.apply(p))
            case .close: return .close
            }
        })
    }

    /// The bounding box of all points, control points included (so it may be a
    /// little larger than the curve); nil for an empty path.
    public var controlBounds: Rect? {
        Rect.bounding(elements.lazy.flatMap { e -> [Point] in
            switch e {
            case .move(let p), .line(let p): return [p]
            case .quad(let c, let p): return [c, p]
            case .cubic(let c1, let c2, let p): return [c1, c2, p]
            case .close: return []
            }
        })
    }

    /// An axis-aligned rectangle, clockwise on screen.
    public static func rectangle(_ r: Rect) -> Path {
        Path(polyline: [Point(r.minX, r.minY), Point(r.maxX, r.minY),
                        Point(r.maxX, r.maxY), Point(r.minX, r.maxY)], closed: true)
    }

    /// An ellipse inscribed in `r`, as four cubic arcs (radial error < 0.03 %).
    public static func ellipse(in r: Rect) -> Path {
        // kappa = 4/3·(√2 − 1): the cubic that best matches a quarter circle.
        let k = 0.5522847498307936
        let (cx, cy, rx, ry) = (r.midX, r.midY, r.width / 2, r.height / 2)
        var p = Path()
        p.elements.reserveCapacity(6)
        p.move(to: Point(cx + rx, cy))
        p.cubic(to: Point(cx, cy + ry), control1: Point(cx + rx, cy + k * ry), control2: Point(cx + k * rx, cy + ry))
        p.cubic(to: Point(cx - rx, cy), control1: Point(cx - k * rx, cy + ry), control2: Point(cx - rx, cy + k * ry))
        p.cubic(to: Point(cx, cy - ry), control1: Point(cx - rx, cy - k * ry), control2: Point(cx - k * rx, cy - ry))
        p.cubic(to: Point(cx + rx, cy), control1: Point(cx + k * rx, cy - ry), control2: Point(cx + rx, cy - k * ry))
        p.close()
        return p
    }

    /// A circle of `radius` around `center`.
    public static func circle(center: Point, radius: Double) -> Path {
        ellipse(in: Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius))
    }
}
