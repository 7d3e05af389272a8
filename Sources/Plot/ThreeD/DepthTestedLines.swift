import Foundation
import Raster

/// Anti-aliased lines in (pixel x, pixel y, depth) space, depth-tested per
/// sample against a `DepthBuffer`, gathered into one coverage layer and then
/// painted in one colour.
///
/// A segment covers the pixels near it as a capsule (round caps, so consecutive
/// segments join round): a pixel whose centre is at distance d from the segment
/// gets coverage clamp(w/2 + ½ − d, 0, 1) (the box-filtered edge of the stroke),
/// times the share of the pixel's depth samples the segment is in front of. The
/// fragment's depth is the segment's depth at the nearest point of its centre
/// line (depth is affine along a projected line, so this is exact) minus `bias`.
/// Overlapping segments combine by maximum, so a polyline is painted once and a
/// translucent line does not darken at its joints.
///
/// Drawing never fails: segments with a non-finite end are skipped.
public struct DepthTestedLines: Sendable {
    /// The layer's pixel rectangle (clipped to the image).
    let x0: Int, y0: Int, width: Int, height: Int
    var coverage: [Float]

    /// An empty layer over the image of `imageWidth × imageHeight` pixels.
    public init(imageWidth: Int, imageHeight: Int) {
        self.init(x0: 0, y0: 0, width: imageWidth, height: imageHeight)
    }

    /// An empty layer over a pixel rectangle.
    public init(x0: Int, y0: Int, width: Int, height: Int) {
        self.x0 = x0
        self.y0 = y0
        self.width = max(0, width)
        self.height = max(0, height)
        coverage = [Float](repeating: 0, count: self.width * self.height)
    }

    /// Adds the segment a–b of full width `lineWidth` pixels. With a `depth`
    /// buffer, each pixel's coverage is scaled by the fragment's visibility.
    public mutating func addSegment(_ a: Vector3, _ b: Vector3, lineWidth: Double,
                                    depth: DepthBuffer?, bias: Double = 0) {
        guard a.isFinite, b.isFinite, lineWidth > 0 else { return }
        let hw = lineWidth / 2
        // Thin lines: a capsule narrower than a pixel covers about its width.
        let peak = Float(min(1, lineWidth))
        let reach = hw + 0.5
        let ix0 = max(x0, Int((min(a.x, b.x) - reach).rounded(.down)))
        let ix1 = min(x0 + width - 1, Int((max(a.x, b.x) + reach).rounded(.up)))
        let iy0 = max(y0, Int((min(a.y, b.y) - reach).rounded(.down)))
        let iy1 = min(y0 + height - 1, Int((max(a.y, b.y) + reach).rounded(.up)))
        guard ix0 <= ix1, iy0 <= iy1 else { return }
        let dx = b.x - a.x, dy = b.y - a.y
        let len2 = dx * dx + dy * dy
        let inv = len2 > 0 ? 1 / len2 : 0
        for py in iy0...iy1 {
            let cy = Double(py) + 0.5
            for px in ix0...ix1 {
                let cx = Double(px) + 0.5
                // Nearest point of the centre line: parameter t, clamped to the segment.
                let t = min(max(((cx - a.x) * dx + (cy - a.y) * dy) * inv, 0), 1)
                let qx = a.x + t * dx - cx, qy = a.y + t * dy - cy
                let d = (qx * qx + qy * qy).squareRoot()
                var c = Float(min(max(reach - d, 0), 1)) * peak
                guard c > 0 else { continue }
                let k = (py - y0) * width + (px - x0)
                guard c > coverage[k] else { continue }
                if let depth {
                    let z = a.z + t * (b.z - a.z) - bias
                    c *= depth.visibility(px: px, py: py, depth: Float(z))
                }
                if c > coverage[k] { coverage[k] = c }
            }
        }
    }

    /// Adds the polyline through `points` (consecutive segments).
    public mutating func addPolyline(_ points: [Vector3], lineWidth: Double, depth: DepthBuffer?, bias: Double = 0) {
        guard points.count >= 2 else {
            if let p = points.first { addSegment(p, p, lineWidth: lineWidth, depth: depth, bias: bias) }
            return
        }
        for k in 1..<points.count {
            addSegment(points[k - 1], points[k], lineWidth: lineWidth, depth: depth, bias: bias)
        }
    }

    /// Takes the per-pixel maximum with `other` over the pixels both cover.
    public mutating func merge(_ other: DepthTestedLines) {
        let ix0 = max(x0, other.x0), ix1 = min(x0 + width, other.x0 + other.width)
        let iy0 = max(y0, other.y0), iy1 = min(y0 + height, other.y0 + other.height)
        guard ix0 < ix1, iy0 < iy1 else { return }
        for py in iy0..<iy1 {
            var k = (py - y0) * width + (ix0 - x0)
            var o = (py - other.y0) * other.width + (ix0 - other.x0)
            for _ in ix0..<ix1 {
                let c = other.coverage[o]
                if c > coverage[k] { coverage[k] = c }
                k += 1
                o += 1
            }
        }
    }

    /// The layer as a coverage mask.
    public var mask: CoverageMask {
        CoverageMask(x: x0, y: y0, width: width, height: height, values: coverage)
    }

    /// Paints the layer in `color` onto `canvas` (source-over).
    public func paint(_ color: Color, on canvas: inout any Canvas) {
        canvas.paint(mask, color: color)
    }
}
