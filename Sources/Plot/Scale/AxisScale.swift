import Foundation
import Raster

/// How data values map to positions along an axis: linearly, or by log10 as
/// `set_yscale('log')` (for loss curves). Non-positive values have no position
/// on a log axis and are dropped (NaN), as matplotlib masks them.
public enum AxisScale: String, Sendable, Hashable, Codable {
    case linear, log

    /// The value in the space where the axis is linear.
    @inline(__always)
    public func forward(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log: return v > 0 ? log10(v) : .nan
        }
    }

    /// Back from the linear space to data values.
    public func inverse(_ u: Double) -> Double {
        switch self {
        case .linear: return u
        case .log: return pow(10, u)
        }
    }
}

/// Data coordinates → pixels: each axis's scale, then an affine map onto the plot area.
public struct DataTransform: Sendable {
    public var xScale: AxisScale
    public var yScale: AxisScale
    /// Scaled coordinates → pixels.
    public var affine: Transform

    public init(xScale: AxisScale = .linear, yScale: AxisScale = .linear, affine: Transform) {
        self.xScale = xScale
        self.yScale = yScale
        self.affine = affine
    }

    /// Both axes linear: the whole map is `affine`.
    public var isAffine: Bool { xScale == .linear && yScale == .linear }

    /// Pixel position of a data point; non-finite when the point has none.
    public func apply(_ p: Point) -> Point {
        affine.apply(Point(xScale.forward(p.x), yScale.forward(p.y)))
    }

    /// Data point at a pixel position.
    public func invert(_ p: Point) -> Point {
        let q = affine.inverted?.apply(p) ?? Point(.nan, .nan)
        return Point(xScale.inverse(q.x), yScale.inverse(q.y))
    }
}
