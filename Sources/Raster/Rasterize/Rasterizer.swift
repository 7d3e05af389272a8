import Foundation

/// Which points a path with overlapping or nested subpaths covers.
public enum FillRule: Sendable {
    /// Covered where the winding number is not zero (matplotlib's and Agg's default).
    case nonZero
    /// Covered where the winding number is odd.
    case evenOdd
}

/// The anti-aliased coverage rasterizer: signed-area accumulation, the method of
/// font-rs and stb_truetype v2.
///
/// Every edge (a chord of the flattened path) adds, to each pixel row it crosses,
/// the exact signed area it leaves to its right as *differences* between
/// neighbouring cells of a float buffer; a running sum along each row then yields
/// ∫ winding dA over every pixel, which is exact for pixels the winding number is
/// 0 or ±1 on. Nonzero maps the sum s to min(|s|, 1); even-odd folds it with a
/// triangle wave. Where subpaths overlap *on an edge pixel* the sum over-counts
/// (the trade-off font-rs, FreeType and Agg all make); inside, |s| ≥ 1 gives 1.
public enum Rasterizer {
    /// Coverage of `path` (pixel coordinates, y down) limited to `clip`.
    ///
    /// The mask spans the pixels of the path's bounding box ∩ `clip` (rounded out),
    /// so its cost is proportional to that area plus the edges' length. Coverage is
    /// exact to the clip even when the clip has fractional bounds. Every subpath is
    /// implicitly closed. Non-finite points break their subpath (see
    /// `Path.forEachPolyline`) and are never drawn; coordinates beyond ±10⁹ px are
    /// clamped. Returns an empty mask when nothing is covered.
    ///
    /// - Parameters:
    ///   - rule: nonzero (default) or even-odd.
    ///   - clip: pixel rectangle the coverage is limited to; it also bounds the
    ///     buffer, so pass the image's bounds (or less), never an unbounded rectangle.
    ///   - tolerance: curve flattening tolerance in pixels (`Path.flatteningTolerance`).
    public static func coverage(of path: Path, rule: FillRule = .nonZero, clip: Rect,
                                tolerance: Double = Path.flatteningTolerance) -> CoverageMask {
        guard let box = finiteControlBounds(path), let area = box.intersection(clip),
              !area.isEmpty else { return CoverageMask(x: 0, y: 0, width: 0, height: 0) }
        let x0 = Int(area.minX.rounded(.down)), y0 = Int(area.minY.rounded(.down))
        let w = Int(area.maxX.rounded(.up)) - x0, h = Int(area.maxY.rounded(.up)) - y0
        guard w > 0, h > 0 else { return CoverageMask(x: 0, y: 0, width: 0, height: 0) }

        var values = [Float](repeating: 0, count: w * h)
        // Per row, the blocks of columns any edge touched (then: that may be non-zero).
        var blocks = CoverageBlocks(width: w, height: h)
        let shift = blocks.shift
        values.withUnsafeMutableBufferPointer { buf in blocks.rows.withUnsafeMutableBufferPointer { bits in
            var acc = Accumulator(cells: buf, blocks: bits, shift: shift, width: w, height: h,
                                  left: area.minX - Double(x0), right: area.maxX - Double(x0),
                                  top: area.minY - Double(y0), bottom: area.maxY - Double(y0))
            let (ox, oy) = (Double(x0), Double(y0))
            path.forEachPolyline(tolerance: tolerance) { pts, _ in
                guard pts.count > 2 else { return }   // fewer than 3 points enclose nothing
                var a = pts[pts.count - 1]            // the implied closing edge first
                for b in pts {
                    acc.addEdge(clamp(a.x) - ox, clamp(a.y) - oy, clamp(b.x) - ox, clamp(b.y) - oy)
                    a = b
                }
            }
            acc.resolve(rule)
        } }
        var mask = CoverageMask(x: x0, y: y0, width: w, height: h, values: values)
        mask.blocks = blocks
        return mask
    }

    @inline(__always) private static func clamp(_ v: Double) -> Double { min(max(v, -1e9), 1e9) }

    /// Bounding box of the finite points and control points (a curve lies inside its
    /// control polygon's box), clamped to ±10⁹; nil when there are none.
    static func finiteControlBounds(_ path: Path) -> Rect? {
        var lx = Double.infinity, ly = Double.infinity, hx = -Double.infinity, hy = -Double.infinity
        func add(_ p: Point) {
            guard p.isFinite else { return }
            lx = min(lx, p.x); ly = min(ly, p.y); hx = max(hx, p.x); hy = max(hy, p.y)
        }
        for e in path.elements {
            switch e {
            case .move(let p), .line(let p): add(p)
            case .quad(let c, let p): add(c); add(p)
            case .cubic(let c1, let c2, let p): add(c1); add(c2); add(p)
            case .close: break
            }
        }
        return Rect(minX: clamp(lx), minY: clamp(ly), maxX: clamp(hx), maxY: clamp(hy))
    }
}

/// The accumulation buffer of `Rasterizer`: `width · height` cells in mask
/// coordinates (the mask's top-left pixel at the origin). Edges are clamped to the
/// clip [left, right] × [top, bottom] (also in mask coordinates) before they deposit.
struct Accumulator {
    let cells: UnsafeMutableBufferPointer<Float>
    /// Per row, a bit per block of 2^shift columns (see `CoverageBlocks`): set when an
    /// edge deposited there; after `resolve`, set when the block may be non-zero.
    let blocks: UnsafeMutableBufferPointer<UInt64>
    let shift: Int
    let width: Int, height: Int
    let left: Double, right: Double, top: Double, bottom: Double

    init(cells: UnsafeMutableBufferPointer<Float>, blocks: UnsafeMutableBufferPointer<UInt64>, shift: Int,
         width: Int, height: Int, left: Double, right: Double, top: Double, bottom: Double) {
        (self.cells, self.blocks, self.shift, self.width, self.height) = (cells, blocks, shift, width, height)
        (self.left, self.right, self.top, self.bottom) = (left, right, top, bottom)
    }

    /// Adds the edge a → b. Winding convention: an edge going down (+y) counts +1.
    mutating func addEdge(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) {
        guard ay != by else { return }  // horizontal edges enclose no area
        var (x0, y0, x1, y1, dir) = ay < by ? (ax, ay, bx, by, Float(1)) : (bx, by, ax, ay, Float(-1))
        guard y1 > top, y0 < bottom else { return }
        // Clip vertically, exactly: rows outside the clip receive nothing.
        let dxdy = (x1 - x0) / (y1 - y0)
        if y0 < top { x0 += (top - y0) * dxdy; y0 = top }
        if y1 > bottom { x1 -= (y1 - bottom) * dxdy; y1 = bottom }
        addClampedX(x0, y0, x1, y1, dir)
    }

    /// Horizontal clipping keeps the winding: the part of an edge left of the clip
    /// is moved onto the clip's left side (so pixels to its right are still inside),
    /// the part right of it onto the right side. The edge is split where it crosses.
    private mutating func addClampedX(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ dir: Float) {
        @inline(__always) func crosses(_ b: Double) -> Bool { (x0 < b && x1 > b) || (x0 > b && x1 < b) }
        let bound = crosses(left) ? left : (crosses(right) ? right : Double.nan)
        if !bound.isNaN {
            let ym = y0 + (bound - x0) * (y1 - y0) / (x1 - x0)
            addClampedX(x0, y0, bound, ym, dir)
            addClampedX(bound, ym, x1, y1, dir)
            return
        }
        deposit(min(max(x0, left), right), y0, min(max(x1, left), right), y1, dir)
    }

    /// Deposits an edge lying inside the clip (y0 < y1) row by row.
    private func deposit(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ dir: Float) {
        let dxdy = (x1 - x0) / (y1 - y0)
        let rowEnd = min(height, Int(y1.rounded(.up)))
        var row = max(0, Int(y0))
        while row < rowEnd {
            let ya = max(y0, Double(row)), yb = min(y1, Double(row + 1))
            if yb > ya {
                let xa = x0 + (ya - y0) * dxdy, xb = x0 + (yb - y0) * dxdy
                depositRow(row, min(xa, xb), max(xa, xb), dir * Float(yb - ya))
            }
            row += 1
        }
    }

    /// One row's share of an edge spanning x ∈ [lo, hi] with signed height d.
    ///
    /// The edge leaves to its right, in pixel column i, the area
    ///   C_i = d · (1/(hi−lo)) ∫_lo^hi clamp(i + 1 − x, 0, 1) dx
    ///       = d · (G(i + 1 − lo) − G(i + 1 − hi)) / (hi − lo),
    /// with G(s) = ∫_0^s clamp(u, 0, 1) du = 0 (s ≤ 0), s²/2 (s ≤ 1), s − ½ (s > 1),
    /// because x is uniform over [lo, hi] along a straight edge. C_i reaches d for
    /// i ≥ ⌈hi⌉. Cell i stores C_i − C_{i−1}, so the row's running sum is C_i.
    @inline(__always)
    private func depositRow(_ row: Int, _ lo: Double, _ hi: Double, _ d: Float) {
        let base = row * width
        let i0 = Int(lo)
        if hi - lo < 1e-9 || hi <= Double(i0 + 1) {
            // Within one column: the average of (i0 + 1 − x) is i0 + 1 − mid.
            let f = Float(Double(i0 + 1) - 0.5 * (lo + hi))
            add(base, i0, d * f)
            add(base, i0 + 1, d * (1 - f))
            touch(row, i0, i0 + 2)
            return
        }
        @inline(__always) func g(_ s: Double) -> Double { s <= 0 ? 0 : (s <= 1 ? 0.5 * s * s : s - 0.5) }
        let inv = 1 / (hi - lo)
        let iEnd = Int(hi.rounded(.up))
        var previous: Float = 0
        for i in i0..<iEnd {
            let s = Double(i + 1)
            let c = d * Float((g(s - lo) - g(s - hi)) * inv)
            add(base, i, c - previous)
            previous = c
        }
        add(base, iEnd, d - previous)
        touch(row, i0, iEnd + 1)
    }

    /// Marks columns from ..< to of `row` as deposited into.
    @inline(__always) private func touch(_ row: Int, _ from: Int, _ to: Int) {
        let end = min(to, width)
        guard end > from else { return }
        let b0 = from >> shift, b1 = (end - 1) >> shift
        // Bits b0...b1; 1 << 64 is 0 (smart shift), so a full row wraps to all ones.
        blocks[row] |= ((1 << (b1 - b0 + 1)) &- 1) << b0
    }

    /// Cells at or right of the mask's width only feed pixels outside it: skipped.
    @inline(__always) private func add(_ base: Int, _ i: Int, _ v: Float) {
        if i < width { cells[base + i] += v }
    }

    /// Replaces the deltas by coverage: a running sum per row, then the fill rule.
    /// Only blocks an edge deposited into are summed cell by cell; across the others
    /// the sum is constant, so they are filled with one value (or left at 0). Each
    /// row's block bits then mark where coverage may be non-zero. Float noise below
    /// 1/8192 is snapped to 0 (and just under 1 to 1).
    func resolve(_ rule: FillRule) {
        let eps: Float = 1.0 / 8192
        @inline(__always) func value(_ sum: Float) -> Float {
            var v = abs(sum)
            if rule == .evenOdd {
                v = v.truncatingRemainder(dividingBy: 2)
                if v > 1 { v = 2 - v }
            } else if v > 1 {
                v = 1
            }
            return v < eps ? 0 : (v > 1 - eps ? 1 : v)
        }
        let blockCount = (width + (1 << shift) - 1) >> shift
        for row in 0..<height {
            let touched = blocks[row]
            guard touched != 0 else { continue }   // no edge: the row stays 0
            let base = row * width
            var nonZero: UInt64 = 0
            var sum: Float = 0
            var b = touched.trailingZeroBitCount   // cells before it are 0
            while b < blockCount {
                let rest = touched >> b
                // The run of touched blocks from b, or of untouched ones up to the next touched.
                let isTouched = rest & 1 == 1
                let run = isTouched ? (~rest).trailingZeroBitCount
                                    : (rest == 0 ? blockCount - b : rest.trailingZeroBitCount)
                let end = min(blockCount, b + run)
                let from = base + (b << shift), to = base + min(width, end << shift)
                if isTouched {
                    for i in from..<to {
                        sum += cells[i]
                        cells[i] = value(sum)
                    }
                } else {
                    let v = value(sum)
                    if v == 0 { b = end; continue }
                    for i in from..<to { cells[i] = v }
                }
                nonZero |= ((1 << (end - b)) &- 1) << b
                b = end
            }
            blocks[row] = nonZero
        }
    }
}
