import Foundation
import Raster

/// A legend box for a 3-D axes with matplotlib's layout (`legend.*` rcParams, in
/// units of the font size F): frame padding 0.4 F, line samples 2 F long, 0.8 F
/// between sample and label, 0.5 F between rows, 0.5 F from the axes corner;
/// a white frame at alpha 0.8 with a grey 0.8 edge and corners rounded by 0.2 F.
///
/// Rendered once into a transparent overlay, then composited over each frame,
/// so paths pass under it as under matplotlib's legend.
public enum Legend3D {
    public enum Location: String, Sendable, Hashable, CaseIterable {
        case upperLeft = "upper left", upperRight = "upper right"
        case lowerLeft = "lower left", lowerRight = "lower right"
    }

    /// An overlay: a transparent image and where its top-left pixel goes.
    public struct Overlay: Sendable {
        public let image: Image
        public let x: Int
        public let y: Int
        /// Per pixel: colour × alpha in 8-bit units (r, g, b) and 1 − alpha, so that
        /// over an opaque pixel source-over is one multiply-add per channel.
        private let weights: [Float]

        public init(image: Image, x: Int, y: Int) {
            self.image = image
            self.x = x
            self.y = y
            var w = [Float](repeating: 0, count: image.width * image.height * 4)
            for i in 0..<(image.width * image.height) {
                let a = Float(image.pixels[i * 4 + 3]) / 255
                for c in 0..<3 { w[i * 4 + c] = Float(image.pixels[i * 4 + c]) * a }
                w[i * 4 + 3] = 1 - a
            }
            weights = w
        }

        /// Composites the overlay over `target` (source-over).
        public func draw(onto target: inout Image) {
            let x0 = max(0, x), y0 = max(0, y)
            let x1 = min(target.width, x + image.width), y1 = min(target.height, y + image.height)
            guard x0 < x1, y0 < y1 else { return }
            let tw = target.width, ow = image.width
            weights.withUnsafeBufferPointer { w in
                target.pixels.withUnsafeMutableBufferPointer { dst in
                    for py in y0..<y1 {
                        for px in x0..<x1 {
                            let s = ((py - y) * ow + (px - x)) * 4
                            let keep = w[s + 3]
                            guard keep < 1 else { continue }
                            let d = (py * tw + px) * 4
                            guard dst[d + 3] == 255 else {   // translucent target: the general formula
                                DepthBuffer.blend(dst, d, w[s] / 255 / (1 - keep), w[s + 1] / 255 / (1 - keep),
                                                  w[s + 2] / 255 / (1 - keep), 1 - keep)
                                continue
                            }
                            for c in 0..<3 { dst[d + c] = UInt8(min(255, w[s + c] + Float(dst[d + c]) * keep + 0.5)) }
                        }
                    }
                }
            }
        }
    }

    /// The legend of `entries` in the corner `location` of `area` (pixels);
    /// nil when there are no entries.
    public static func overlay(entries: [LegendEntry], location: Location, area: Rect, font: Font,
                               theme: Theme, pointScale scale: Double) -> Overlay? {
        guard !entries.isEmpty else { return nil }
        let F = theme.legendFontSize * scale
        let metrics = entries.map { font.measure($0.label, sizePx: F) }
        let rowHeight = metrics.map { $0.ascent + $0.descent }.max() ?? F
        let textWidth = metrics.map(\.width).max() ?? 0
        let pad = 0.4 * F, handle = 2 * F, gap = 0.8 * F, spacing = 0.5 * F
        let boxW = pad + handle + gap + textWidth + pad
        let boxH = pad * 2 + rowHeight * Double(entries.count) + spacing * Double(entries.count - 1)
        let inset = 0.5 * F
        let left = location == .upperLeft || location == .lowerLeft
        let top = location == .upperLeft || location == .upperRight
        let bx = left ? area.minX + inset : area.maxX - inset - boxW
        let by = top ? area.minY + inset : area.maxY - inset - boxH
        // The overlay covers the box plus a pixel for the frame's anti-aliasing.
        let ox = Int(bx.rounded(.down)) - 2, oy = Int(by.rounded(.down)) - 2
        var canvas = Canvas(width: Int(boxW.rounded(.up)) + 5, height: Int(boxH.rounded(.up)) + 5)
        let frame = Rect(x: bx - Double(ox), y: by - Double(oy), width: boxW, height: boxH)
        let outline = roundedRectangle(frame, radius: 0.2 * F)
        canvas.fill(outline, color: Color.white.withAlpha(0.8))
        canvas.stroke(outline, style: StrokeStyle(width: 1 * scale), color: Color(r: 0.8, g: 0.8, b: 0.8, a: 0.8))
        for (k, entry) in entries.enumerated() {
            let rowTop = frame.minY + pad + Double(k) * (rowHeight + spacing)
            let cy = rowTop + rowHeight / 2
            let hx = frame.minX + pad
            let color = entry.style.color ?? .black
            if entry.style.hasLine {
                let w = (entry.style.lineWidth ?? theme.lineWidth) * scale
                canvas.stroke(Path(polyline: [Point(hx, cy), Point(hx + handle, cy)]),
                              style: .line(width: w), color: color)
            }
            if let m = entry.style.marker {
                canvas.drawMarker(m, at: Point(hx + handle / 2, cy), size: (entry.style.markerSize ?? theme.markerSize) * scale,
                                  face: color, edge: color, edgeWidth: theme.markerEdgeWidth * scale)
            }
            font.draw(entry.label, into: &canvas.image, at: Point(hx + handle + gap, cy), sizePx: F,
                      color: theme.textColor, anchorX: .left, anchorY: .center)
        }
        return Overlay(image: canvas.image, x: ox, y: oy)
    }

    /// A rectangle with circular corners of `radius` (cubic arcs).
    static func roundedRectangle(_ r: Rect, radius: Double) -> Path {
        let k = 0.5522847498307936 * radius
        var p = Path()
        p.move(to: Point(r.minX + radius, r.minY))
        p.line(to: Point(r.maxX - radius, r.minY))
        p.cubic(to: Point(r.maxX, r.minY + radius), control1: Point(r.maxX - radius + k, r.minY),
                control2: Point(r.maxX, r.minY + radius - k))
        p.line(to: Point(r.maxX, r.maxY - radius))
        p.cubic(to: Point(r.maxX - radius, r.maxY), control1: Point(r.maxX, r.maxY - radius + k),
                control2: Point(r.maxX - radius + k, r.maxY))
        p.line(to: Point(r.minX + radius, r.maxY))
        p.cubic(to: Point(r.minX, r.maxY - radius), control1: Point(r.minX + radius - k, r.maxY),
                control2: Point(r.minX, r.maxY - radius + k))
        p.line(to: Point(r.minX, r.minY + radius))
        p.cubic(to: Point(r.minX + radius, r.minY), control1: Point(r.minX, r.minY + radius - k),
                control2: Point(r.minX + radius - k, r.minY))
        p.close()
        return p
    }
}
