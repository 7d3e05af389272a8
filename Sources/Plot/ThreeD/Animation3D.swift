import Foundation
import Raster

/// The two kinds of 3-D animation.
///
/// *Growing paths*: `Animation3D(figure:font:)` renders everything static once —
/// the figure without its 3-D paths, each 3-D axes' panes, surface, depth buffer
/// and contours — and `frame(_:)` then copies that image and draws the paths up
/// to step k, depth-tested, with head markers and the legend: no surface work per
/// frame. *Orbit*: `orbit(figure:font:azimuths:)` turns the camera, so each
/// frame re-renders the whole figure at one azimuth.
public struct Animation3D: Sendable {
    /// The static image: the figure with every 3-D axes but none of their paths.
    public let staticImage: Image
    public let scenes: [Scene3D]

    /// Renders the static layer of `figure` (which draws nothing when it has no 3-D axes).
    public init(figure: Figure, font: Font) {
        var flat = figure
        flat.axes3D = []
        var image = flat.render(font: font)
        var scenes: [Scene3D] = []
        for ax in figure.axes3D {
            let scene = Scene3D(axes: ax, background: image, dpi: figure.dpi, theme: figure.theme, font: font)
            image = scene.image
            scenes.append(scene)
        }
        staticImage = image
        self.scenes = scenes
    }

    /// The largest step of any path: frames run from step 0 to this.
    public var lastStep: Int { scenes.map(\.stepCount).max() ?? 0 }

    /// The figure with every path drawn up to step `k` (clamped to each path's
    /// length; negative k shows the start points).
    public func frame(_ k: Int) -> Image {
        var image = staticImage
        for scene in scenes { scene.drawPaths(upTo: max(0, k), onto: &image) }
        return image
    }

    /// The steps shown by successive frames: 0, s, 2s, … and always the last step.
    /// `stepsPerFrame` below 1 counts as 1.
    public func frameSteps(stepsPerFrame: Int = 1) -> [Int] {
        let s = max(1, stepsPerFrame)
        var steps = Array(stride(from: 0, through: lastStep, by: s))
        if steps.last != lastStep { steps.append(lastStep) }
        return steps
    }

    /// Every frame, in order (see `frameSteps`).
    public func frames(stepsPerFrame: Int = 1) -> [Image] {
        frameSteps(stepsPerFrame: stepsPerFrame).map(frame)
    }

    /// A camera orbit: the figure rendered whole (paths up to `step`, all when
    /// nil) with every 3-D axes turned to each azimuth in turn.
    public static func orbit(figure: Figure, font: Font, azimuths: [Double], step: Int? = nil) -> [Image] {
        azimuths.map { azimuth in
            var f = figure
            for i in f.axes3D.indices { f.axes3D[i].azimuth = azimuth }
            guard let step else { return f.render(font: font) }
            return Animation3D(figure: f, font: font).frame(step)
        }
    }

    /// Azimuths for a full turn in `count` frames starting at `start` (degrees).
    public static func fullTurn(from start: Double = -60, count: Int) -> [Double] {
        let n = max(1, count)
        return (0..<n).map { start + 360 * Double($0) / Double(n) }
    }
}
