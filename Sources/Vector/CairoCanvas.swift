import CCairo
import Foundation
import Raster

/// The vector implementation of `Canvas`: every call becomes cairo drawing on
/// one page of a PDF or SVG document (`VectorDocument`) — paths as paths, text
/// as glyphs of the same FreeType faces the raster text uses, masks and colour
/// layers (a 3-D surface, depth-tested lines) as images at the output
/// resolution, recordings replayed as the calls they recorded.
///
/// Coordinates are pixels with y down, as for `RasterCanvas`; the page maps one
/// pixel to 72 / dpi points, so a figure has the same size in inches in every
/// format. Drawing never fails: non-finite coordinates are dropped (cairo would
/// otherwise stop drawing altogether), and straight segments reaching beyond
/// `reach` are clipped to it (`FarPathClipper`), as cairo's fixed-point
/// numbers cannot hold a diverging path's far points.
public struct CairoCanvas: VectorCanvas {
    public let width: Int
    public let height: Int
    public var clip: Rect?
    /// The cairo context of the page (owned by the document, which outlives the canvas).
    let cr: OpaquePointer

    /// Coordinates beyond this many pixels from the origin are not drawn.
    static let farAway = 4.0e6

    /// Where straight paths are clipped (`FarPathClipper`): a million pixels
    /// around the page, far enough that nothing drawn along its edges shows,
    /// near enough for cairo's numbers.
    var reach: Rect {
        Rect(x: -1.0e6, y: -1.0e6, width: Double(width) + 2.0e6, height: Double(height) + 2.0e6)
    }

    init(cr: OpaquePointer, width: Int, height: Int) {
        self.cr = cr
        self.width = max(1, width)
        self.height = max(1, height)
    }

    public mutating func fill(_ path: Path, color: Color, rule: FillRule) {
        guard color.a > 0 else { return }
        drawing {
            guard addPath(FarPathClipper.clipped(path, to: reach, filled: true)) else { return }
            cairo_set_fill_rule(cr, rule == .evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
            setSource(color)
            cairo_fill(cr)
        }
    }

    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        guard color.a > 0, style.width.isFinite, style.width > 0 else { return }
        let dashes = style.dashes
        // The raster's Dasher draws solid when the pattern is unusable; so does this.
        let dashed = !dashes.isEmpty && dashes.allSatisfy { $0.isFinite && $0 >= 0 } && dashes.contains { $0 > 0 }
        drawing {
            guard addPath(FarPathClipper.clipped(path, to: reach, filled: false)) else { return }
            cairo_set_line_width(cr, style.width)
            let join: cairo_line_join_t = switch style.join {
            case .miter: CAIRO_LINE_JOIN_MITER
            case .round: CAIRO_LINE_JOIN_ROUND
            case .bevel: CAIRO_LINE_JOIN_BEVEL
            }
            let cap: cairo_line_cap_t = switch style.cap {
            case .butt: CAIRO_LINE_CAP_BUTT
            case .round: CAIRO_LINE_CAP_ROUND
            case .square: CAIRO_LINE_CAP_SQUARE
            }
            cairo_set_line_join(cr, join)
            cairo_set_line_cap(cr, cap)
            cairo_set_miter_limit(cr, max(1, style.miterLimit))
            if dashed {
                dashes.withUnsafeBufferPointer {
                    cairo_set_dash(cr, $0.baseAddress, Int32($0.count), style.dashPhase.isFinite ? style.dashPhase : 0)
                }
            }
            setSource(color)
            cairo_stroke(cr)
        }
    }

    public mutating func fillPixels(_ rect: Rect, color: Color) {
        guard color.a > 0, rect.minX.isFinite, rect.minY.isFinite, rect.maxX.isFinite, rect.maxY.isFinite else { return }
        let x0 = rect.minX.rounded(), y0 = rect.minY.rounded()
        let x1 = rect.maxX.rounded(), y1 = rect.maxY.rounded()
        guard x1 > x0, y1 > y0 else { return }
        drawing {
            cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0)
            setSource(color)
            cairo_fill(cr)
        }
    }

    public mutating func paint(_ mask: CoverageMask, color: Color) {
        guard color.a > 0, !mask.isEmpty, let surface = CairoCanvas.alphaSurface(mask) else { return }
        defer { cairo_surface_destroy(surface) }
        drawing {
            setSource(color)
            cairo_mask_surface(cr, surface, Double(mask.x), Double(mask.y))
        }
    }

    public mutating func draw(_ layer: PixelLayer) {
        guard !layer.isEmpty, let surface = CairoCanvas.colorSurface(layer) else { return }
        defer { cairo_surface_destroy(surface) }
        drawing {
            cairo_set_source_surface(cr, surface, Double(layer.x), Double(layer.y))
            // One image pixel per output pixel: sharp edges when zoomed, as in the PNG.
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
            cairo_rectangle(cr, Double(layer.x), Double(layer.y), Double(layer.width), Double(layer.height))
            cairo_fill(cr)
        }
    }

    public mutating func drawText(_ text: String, font: Font, at: Point, sizePx: Double, color: Color,
                                  anchorX: TextAnchorX, anchorY: TextAnchorY, rotation: Double) {
        guard color.a > 0, let run = font.textRun(text, at: at, sizePx: sizePx, anchorX: anchorX,
                                                   anchorY: anchorY, rotation: rotation) else { return }
        drawing {
            cairo_translate(cr, run.origin.x, run.origin.y)
            if run.turned { cairo_rotate(cr, -Double.pi / 2) }
            setSource(color)
            showGlyphs(run.glyphs)
            for r in run.rules {
                cairo_rectangle(cr, r.u, -(r.v + r.height), r.width, r.height)
            }
            if !run.rules.isEmpty { cairo_fill(cr) }
        }
    }

    public mutating func replay(_ recording: PaintRecording, within region: Rect?) {
        replayCalls(recording, within: region)
    }

    // MARK: - cairo state

    /// Runs `body` between a save and a restore of cairo's state, under `clip`.
    private func drawing(_ body: () -> Void) {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_new_path(cr)
        if let c = clip {
            guard c.width > 0, c.height > 0, c.minX.isFinite, c.minY.isFinite,
                  c.maxX.isFinite, c.maxY.isFinite else { return }
            cairo_rectangle(cr, c.minX, c.minY, c.width, c.height)
            cairo_clip(cr)
        }
        body()
    }

    private func setSource(_ c: Color) {
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
    }

    /// Adds `path` as cairo's current path; false when nothing drawable is left.
    /// Quadratic segments become the equivalent cubics (cairo has none); runs
    /// of straight segments are thinned by `PolylineSimplifier`.
    private func addPath(_ path: Path) -> Bool {
        func ok(_ p: Point) -> Bool {
            p.x.isFinite && p.y.isFinite && abs(p.x) <= CairoCanvas.farAway && abs(p.y) <= CairoCanvas.farAway
        }
        var current: Point? = nil
        var start: Point? = nil
        var drawn = false
        // The straight run being collected: the current point, then each line's end.
        var run: [Point] = []
        func flush() {
            if run.count > 1 {
                for p in PolylineSimplifier.simplified(run).dropFirst() { cairo_line_to(cr, p.x, p.y) }
                drawn = true
            }
            run = current.map { [$0] } ?? []
        }
        for e in path.elements {
            switch e {
            case .move(let p):
                flush()
                guard ok(p) else { current = nil; run = []; continue }
                cairo_move_to(cr, p.x, p.y)
                current = p; start = p; run = [p]
            case .line(let p):
                guard ok(p) else { continue }
                if current == nil { cairo_move_to(cr, p.x, p.y); start = p; run = [p] } else { run.append(p) }
                current = p
            case .quad(let c, let p):
                guard ok(c), ok(p) else { continue }
                flush()
                guard let q = current else { cairo_move_to(cr, p.x, p.y); current = p; start = p; run = [p]; continue }
                let c1 = Point(q.x + 2 / 3 * (c.x - q.x), q.y + 2 / 3 * (c.y - q.y))
                let c2 = Point(p.x + 2 / 3 * (c.x - p.x), p.y + 2 / 3 * (c.y - p.y))
                cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
                current = p; drawn = true; run = [p]
            case .cubic(let c1, let c2, let p):
                guard ok(c1), ok(c2), ok(p) else { continue }
                flush()
                guard current != nil else { cairo_move_to(cr, p.x, p.y); current = p; start = p; run = [p]; continue }
                cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
                current = p; drawn = true; run = [p]
            case .close:
                guard current != nil else { continue }
                flush()
                cairo_close_path(cr)
                current = start
                run = start.map { [$0] } ?? []
            }
        }
        flush()
        return drawn
    }

    /// Shows glyphs in runs of one face, size and slant (one cairo call each).
    private func showGlyphs(_ glyphs: [TextRun.Glyph]) {
        var i = 0
        while i < glyphs.count {
            let g = glyphs[i]
            var j = i + 1
            while j < glyphs.count, glyphs[j].fontFile == g.fontFile, glyphs[j].faceIndex == g.faceIndex,
                  glyphs[j].sizePx == g.sizePx, glyphs[j].slant == g.slant { j += 1 }
            defer { i = j }
            guard let face = CairoFontFaces.shared.face(file: g.fontFile, index: g.faceIndex) else { continue }
            cairo_set_font_face(cr, face)
            // Font space is y down: a slant moves points above the baseline (y < 0) right.
            var m = cairo_matrix_t(xx: g.sizePx, yx: 0, xy: -g.slant * g.sizePx, yy: g.sizePx, x0: 0, y0: 0)
            cairo_set_font_matrix(cr, &m)
            var cg = glyphs[i..<j].map { cairo_glyph_t(index: UInt($0.glyph), x: $0.u, y: -$0.v) }
            cairo_show_glyphs(cr, &cg, Int32(cg.count))
        }
    }

    // MARK: - images

    /// `mask` as an 8-bit alpha surface (coverage rounded to 1/255).
    static func alphaSurface(_ mask: CoverageMask) -> OpaquePointer? {
        let w = mask.width, h = mask.height
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(w), Int32(h)),
              cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else { return nil }
        cairo_surface_flush(s)
        let stride = Int(cairo_image_surface_get_stride(s))
        guard let data = cairo_image_surface_get_data(s) else { cairo_surface_destroy(s); return nil }
        mask.values.withUnsafeBufferPointer { v in
            for row in 0..<h {
                for col in 0..<w {
                    data[row * stride + col] = UInt8(min(max(v[row * w + col] * 255 + 0.5, 0), 255))
                }
            }
        }
        cairo_surface_mark_dirty(s)
        return s
    }

    /// `layer` as a premultiplied ARGB surface (channels rounded to 1/255).
    static func colorSurface(_ layer: PixelLayer) -> OpaquePointer? {
        let w = layer.width, h = layer.height
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)),
              cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else { return nil }
        cairo_surface_flush(s)
        let stride = Int(cairo_image_surface_get_stride(s))
        guard let data = cairo_image_surface_get_data(s) else { cairo_surface_destroy(s); return nil }
        func byte(_ x: Float) -> UInt32 { UInt32(min(max(x * 255 + 0.5, 0), 255)) }
        layer.values.withUnsafeBufferPointer { v in
            data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * h) { px in
                for row in 0..<h {
                    for col in 0..<w {
                        let k = (row * w + col) * 4
                        let a = min(max(v[k + 3], 0), 1)
                        // cairo's ARGB32: one native-endian word, colour premultiplied by alpha.
                        px[row * stride / 4 + col] = byte(a) << 24 | byte(v[k] * a) << 16
                            | byte(v[k + 1] * a) << 8 | byte(v[k + 2] * a)
                    }
                }
            }
        }
        cairo_surface_mark_dirty(s)
        return s
    }
}
