import Foundation
import Raster

/// A `Path3D` rasterized once against a fixed depth buffer, so that drawing it
/// up to any step k costs only merging k small stamps — no geometry, no depth
/// test — which makes every frame of a growing-path animation cheap and lets
/// frames be drawn in any order.
///
/// Each segment's stamp is its depth-tested capsule coverage
/// (`DepthTestedLines` over the segment's own pixels). A frame takes the
/// per-pixel maximum of stamps 1…k — exactly the layer `DepthTestedLines`
/// would build from the same segments, since the maximum does not depend on
/// order — and paints it once in the path's colour, then the markers. A cased
/// path (`Path3D.casing`) keeps a second, wider stamp per segment, merged and
/// painted the same way in the casing's colour, before any path's line.
struct PathRaster3D: Sendable {
    let path: Path3D
    /// Stamp of segment s at index s − 1; nil when the segment is cut away.
    let stamps: [DepthTestedLines?]
    /// Stamp of the casing of segment s at index s − 1 (empty without a casing).
    let casingStamps: [DepthTestedLines?]
    /// Pixel position and lifted depth of each point; nil outside the box or non-finite.
    let vertices: [Vector3?]
    /// Pixel rectangle (x0, y0, x1, y1) covering stamps 1…s, at index s − 1.
    let prefixBounds: [(Int, Int, Int, Int)?]
    let lineWidth: Double
    let markerSize: Double
    let pointScale: Double

    init(path: Path3D, camera: Camera3D, depth: DepthBuffer?, lift: Double, box: Box3D?,
         imageWidth: Int, imageHeight: Int, pointScale: Double, theme: Theme) {
        self.path = path
        self.pointScale = pointScale
        lineWidth = (path.lineWidth ?? theme.lineWidth) * pointScale
        markerSize = (path.markerSize ?? theme.markerSize) * pointScale
        func screen(_ p: Vector3) -> Vector3 { Scene3D.screen([p], camera: camera, lift: lift)[0] }
        vertices = path.points.map { p in
            p.isFinite && (box?.contains(p, tolerance: 1e-9) ?? true) ? screen(p) : nil
        }
        let width = lineWidth
        let casingWidth = path.casing.map { $0.outerWidth(lineWidth: width, pointScale: pointScale) }
        let reach = max(lineWidth, casingWidth ?? 0) / 2 + 1
        var stamps: [DepthTestedLines?] = []
        var casingStamps: [DepthTestedLines?] = []
        var bounds: [(Int, Int, Int, Int)?] = []
        var union: (Int, Int, Int, Int)? = nil
        for s in stride(from: 1, to: path.points.count, by: 1) {
            var stamp: DepthTestedLines? = nil
            var casingStamp: DepthTestedLines? = nil
            if let (a, b) = path.segment(s, clippedTo: box) {
                let (pa, pb) = (screen(a), screen(b))
                let x0 = max(0, Int((min(pa.x, pb.x) - reach).rounded(.down)))
                let y0 = max(0, Int((min(pa.y, pb.y) - reach).rounded(.down)))
                let x1 = min(imageWidth, Int((max(pa.x, pb.x) + reach).rounded(.up)) + 1)
                let y1 = min(imageHeight, Int((max(pa.y, pb.y) + reach).rounded(.up)) + 1)
                if pa.isFinite, pb.isFinite, x0 < x1, y0 < y1 {
                    var lines = DepthTestedLines(x0: x0, y0: y0, width: x1 - x0, height: y1 - y0)
                    if let casingWidth {
                        var casing = lines
                        casing.addSegment(pa, pb, lineWidth: casingWidth, depth: depth)
                        casingStamp = casing
                    }
                    lines.addSegment(pa, pb, lineWidth: lineWidth, depth: depth)
                    stamp = lines
                    union = union.map { (min($0.0, x0), min($0.1, y0), max($0.2, x1), max($0.3, y1)) } ?? (x0, y0, x1, y1)
                }
            }
            stamps.append(stamp)
            if casingWidth != nil { casingStamps.append(casingStamp) }
            bounds.append(union)
        }
        self.stamps = stamps
        self.casingStamps = casingStamps
        prefixBounds = bounds
    }

    /// Whole pixels any step can touch: every stamp, and every vertex with room
    /// for the largest marker and its edge; nil when nothing is drawn.
    var reach: Rect? {
        var r: Rect? = prefixBounds.last.flatMap { $0 }.map {
            Rect(x: Double($0.0), y: Double($0.1), width: Double($0.2 - $0.0), height: Double($0.3 - $0.1))
        }
        guard path.marker != nil || path.headMarker != nil else { return r }
        // A marker is at most 1.2 × its size across (the head), plus its 0.8 pt edge.
        let half = markerSize * 1.2 + 0.8 * pointScale + 2
        for v in vertices.compactMap({ $0 }) where v.x.isFinite && v.y.isFinite {
            let box = Rect(x: (v.x - half).rounded(.down), y: (v.y - half).rounded(.down),
                           width: (2 * half).rounded(.up) + 1, height: (2 * half).rounded(.up) + 1)
            r = r?.union(box) ?? box
        }
        return r
    }

    /// The casing of segments 1…k (nothing without a casing). `Scene3D` draws
    /// every path's casing before any path's line, as a map draws its road
    /// casings, so a casing never covers a neighbouring path.
    func drawCasing(upTo k: Int, on canvas: inout any Canvas) {
        let last = min(k, path.points.count - 1)
        guard let casing = path.casing, last >= 1, let (x0, y0, x1, y1) = prefixBounds[last - 1] else { return }
        var layer = DepthTestedLines(x0: x0, y0: y0, width: x1 - x0, height: y1 - y0)
        for s in 1...last { if let stamp = casingStamps[s - 1] { layer.merge(stamp) } }
        layer.paint(casing.color, on: &canvas)
    }

    /// Draws segments 1…k (without the casing: `drawCasing`), vertex markers
    /// 0…k and the head marker at point k.
    func draw(upTo k: Int, on canvas: inout any Canvas, depth: DepthBuffer?) {
        drawLine(upTo: k, on: &canvas, depth: depth)
        drawHead(at: k, on: &canvas, depth: depth)
    }

    /// Segments 1…k (without the casing) and vertex markers 0…k.
    func drawLine(upTo k: Int, on canvas: inout any Canvas, depth: DepthBuffer?) {
        let last = min(k, path.points.count - 1)
        guard last >= 0 else { return }
        if last >= 1, let (x0, y0, x1, y1) = prefixBounds[last - 1] {
            var layer = DepthTestedLines(x0: x0, y0: y0, width: x1 - x0, height: y1 - y0)
            for s in 1...last { if let stamp = stamps[s - 1] { layer.merge(stamp) } }
            layer.paint(path.color, on: &canvas)
        }
        if let marker = path.marker {
            for v in vertices[0...last] {
                if let v { drawMarker(marker, at: v, size: markerSize, on: &canvas, depth: depth) }
            }
        }
    }

    /// The head marker at point k (the current step), if the path has one.
    func drawHead(at k: Int, on canvas: inout any Canvas, depth: DepthBuffer?) {
        let last = min(k, path.points.count - 1)
        guard last >= 0, let head = path.headMarker, let v = vertices[last] else { return }
        // On a pixel corner, as matplotlib places markers: a head that moves
        // less than half a pixel leaves the frame as it was.
        let corner = Point(v.x, v.y).onPixelCorner
        drawMarker(head, at: Vector3(corner.x, corner.y, v.z), size: markerSize * 1.2, on: &canvas, depth: depth)
    }

    /// A marker at a projected point, faded by the visibility of its centre,
    /// with a thin white edge so it stands out on the path.
    private func drawMarker(_ shape: MarkerShape, at p: Vector3, size: Double, on canvas: inout any Canvas,
                            depth: DepthBuffer?) {
        let px = Int(p.x.rounded(.down)), py = Int(p.y.rounded(.down))
        let v = Double(depth?.visibility(px: px, py: py, depth: Float(p.z)) ?? 1)
        guard v > 0 else { return }
        let c = path.color
        canvas.drawMarker(shape, at: Point(p.x, p.y), size: size, face: c.withAlpha(c.a * v),
                          edge: Color.white.withAlpha(v), edgeWidth: 0.8 * pointScale)
    }
}
