import Raster

/// The "step k" box of an animation: tick-label-sized text on a white box at
/// 0.8 alpha with rounded corners, in the top-left corner of a plot area.
struct StepCounter {
    let environment: DrawEnvironment

    func draw(step: Int, in area: Rect, on canvas: inout any Canvas) {
        let theme = environment.theme, font = environment.font
        let size = theme.tickLabelSize * environment.pointScale
        let at = Point(area.minX + 0.6 * size, area.minY + 0.5 * size)
        let text = "step \(step)"
        let e = font.measure(text, sizePx: size)
        canvas.fill(Legend.roundedRect(Rect(x: at.x - 0.3 * size, y: at.y - 0.2 * size, width: e.width + 0.6 * size,
                                            height: e.height + 0.4 * size), radius: 0.2 * size),
                    color: Color.white.withAlpha(0.8))
        canvas.drawText(text, font: font, at: at, sizePx: size, color: theme.textColor, anchorX: .left, anchorY: .top)
    }
}
