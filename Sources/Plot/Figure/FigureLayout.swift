import Raster

/// Where each panel goes, in pixels. Panels in a `subplots` grid start at
/// matplotlib's default subplot parameters — so a figure that fits looks exactly
/// like matplotlib's — and margins and gaps grow only where tick labels, axis
/// labels, titles or colorbars would otherwise be cut off or overlap (a
/// tight-layout that never shrinks the defaults' breathing room).
struct FigureLayout {
    let figure: Figure
    let font: Font

    /// One pixel rectangle per panel (the box holding plot area and colorbar).
    func boxes() -> [Rect] {
        let W = Double(figure.pixelWidth), H = Double(figure.pixelHeight)
        if figure.bare { return bareBoxes(W, H) }
        let env = figure.environment(font: font)
        var boxes = figure.panels.map { defaultBox($0.position, W, H) }
        // Two passes: tick counts depend on the box, margins on the ticks.
        for _ in 0..<2 {
            let margins = zip(figure.panels, boxes).map { panel, box in panel.margins(for: box, in: env) }
            boxes = figure.panels.indices.map { i in
                guard let cell = figure.panels[i].gridCell else { return boxes[i] }
                return gridBox(cell: cell, margins: margins, W, H)
            }
        }
        return boxes
    }

    private func defaultBox(_ p: Rect, _ W: Double, _ H: Double) -> Rect {
        Rect(x: p.minX * W, y: (1 - p.maxY) * H, width: p.width * W, height: p.height * H)
    }

    /// Every axes of the grid fills its cell edge to edge.
    private func bareBoxes(_ W: Double, _ H: Double) -> [Rect] {
        figure.panels.map { ax in
            guard let c = ax.gridCell else { return Rect(x: 0, y: 0, width: W, height: H) }
            let w = W / Double(c.columns), h = H / Double(c.rows)
            return Rect(x: Double(c.column) * w, y: Double(c.row) * h, width: w, height: h)
        }
    }

    /// The box of `cell` given every axes' needed margins: outer margins and
    /// inner gaps are the larger of matplotlib's default and what is needed.
    private func gridBox(cell: GridCell, margins: [Margins],
                         _ W: Double, _ H: Double) -> Rect {
        let p = SubplotParameters.matplotlib
        let pad = 0.3 * figure.theme.tickLabelSize * figure.dpi / 72
        var needL = [Double](repeating: 0, count: cell.columns), needR = needL
        var needT = [Double](repeating: 0, count: cell.rows), needB = needT
        for (ax, m) in zip(figure.panels, margins) {
            guard let c = ax.gridCell, c.rows == cell.rows, c.columns == cell.columns else { continue }
            needL[c.column] = max(needL[c.column], m.left); needR[c.column] = max(needR[c.column], m.right)
            needT[c.row] = max(needT[c.row], m.top); needB[c.row] = max(needB[c.row], m.bottom)
        }
        var topEdge = p.top
        if figure.suptitle != nil { topEdge = min(topEdge, 1 - (figure.suptitleSizePx * 1.6 + 0.02 * H) / H) }
        let (xs, ws) = FigureLayout.split(total: W, count: cell.columns, lowMargin: p.left * W, highMargin: (1 - p.right) * W,
                                          space: p.wspace, needLow: needL, needHigh: needR, pad: pad)
        let (ys, hs) = FigureLayout.split(total: H, count: cell.rows, lowMargin: (1 - topEdge) * H, highMargin: p.bottom * H,
                                          space: p.hspace, needLow: needT, needHigh: needB, pad: pad)
        return Rect(x: xs[cell.column], y: ys[cell.row], width: ws, height: hs)
    }

    /// Positions and common size of `count` equal cells along one dimension.
    /// `needLow[i]`/`needHigh[i]`: room cell i needs before/after itself.
    static func split(total: Double, count n: Int, lowMargin: Double, highMargin: Double, space: Double,
                      needLow: [Double], needHigh: [Double], pad: Double) -> ([Double], Double) {
        let defaultSize = (total - lowMargin - highMargin) / (Double(n) + space * Double(n - 1))
        // At the figure's edges the text box (which already includes the font's
        // descent) may touch the edge; between axes there is `pad` of air.
        let low = max(lowMargin, needLow[0] + 1)
        let high = max(highMargin, needHigh[n - 1] + 1)
        let gaps = (0..<max(0, n - 1)).map { i in max(space * defaultSize, needHigh[i] + needLow[i + 1] + pad) }
        let size = max(8, (total - low - high - gaps.reduce(0, +)) / Double(n))
        var starts: [Double] = []
        var x = low
        for i in 0..<n {
            starts.append(x)
            x += size + (i < gaps.count ? gaps[i] : 0)
        }
        return (starts, size)
    }
}
