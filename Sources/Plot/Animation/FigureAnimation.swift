import Raster

/// A figure as a function of time: the frames of its `Animation`, made one at a
/// time so memory does not grow with their number.
///
/// Growing paths: every panel is laid out once and its static layer drawn once
/// (`Figure.staticLayer`); frame k copies that image and draws each panel's
/// moving layer at step k — the same calls `Figure.render` makes at the last
/// step, so the last frame is the still, pixel for pixel. Orbit: every 3-D panel
/// turns by 360°·i/n for frame i and the whole figure is rendered (paths
/// complete); frame 0 is the still.
///
/// ```swift
/// let animation = FigureAnimation(figure: figure, font: font)
/// try animation.forEachFrame { image, delay in try encoder.addFrame(image, delay: delay) }
/// ```
public struct FigureAnimation: Sendable {
    public let figure: Figure
    public let settings: Animation
    let font: Font

    /// The animation of `figure` with `settings` (by default the figure's own
    /// `animation`, else `Animation()`).
    public init(figure: Figure, font: Font, settings: Animation? = nil) {
        self.figure = figure
        self.font = font
        self.settings = settings ?? figure.animation ?? Animation()
    }

    /// The optimizer step each frame shows: 0, s, 2s, … and always the last
    /// step (an orbit shows the last step in every frame).
    public var frameSteps: [Int] {
        let last = figure.lastStep
        if let n = settings.orbitFrames, n > 0 { return Array(repeating: last, count: n) }
        var steps = Array(stride(from: 0, through: last, by: max(1, settings.stepsPerFrame)))
        if steps.last != last { steps.append(last) }
        return steps
    }

    public var frameCount: Int { frameSteps.count }

    /// Seconds frame `i` of `count` stays on screen: the frame time, the start
    /// hold on the first frame and the end hold on the last (each at least a
    /// frame time).
    public func delay(ofFrame i: Int, count: Int) -> Double {
        let t = settings.frameTime
        if i == count - 1 { return max(settings.endHold.isFinite ? settings.endHold : 0, t) }
        if i == 0 { return max(settings.startHold.isFinite ? settings.startHold : 0, t) }
        return t
    }

    /// Hands each frame and its delay in seconds to `body`, in order.
    public func forEachFrame(_ body: (Image, Double) throws -> Void) rethrows {
        let steps = frameSteps
        if let n = settings.orbitFrames, n > 0 {
            for i in 0..<n {
                var turned = figure
                turned.panels = figure.panels.map { $0.turned(byAzimuth: 360 * Double(i) / Double(n)) }
                try body(turned.render(font: font), delay(ofFrame: i, count: n))
            }
            return
        }
        let drawings = figure.laidOut(font: font)
        let background = figure.staticLayer(drawings, font: font)
        for (i, k) in steps.enumerated() {
            var canvas: any Canvas = RasterCanvas(image: background)
            figure.drawMovingLayer(drawings, atStep: k, font: font, on: &canvas)
            try body((canvas as! RasterCanvas).image, delay(ofFrame: i, count: steps.count))
        }
    }
}

extension Panel {
    /// `turned(byAzimuth:)` through an existential (opens the box).
    func turned(byAzimuth degrees: Double) -> any Panel {
        let p: Self = turned(byAzimuth: degrees)
        return p
    }
}
