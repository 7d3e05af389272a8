import Dispatch
import Raster

/// A figure as a function of time: the frames of its `Animation`, made one at a
/// time so memory does not grow with their number.
///
/// Growing paths: every panel is laid out once and its static layer drawn once
/// (`Figure.staticLayer`); frame k copies that image and draws each panel's
/// moving layer at step k — the same calls `Figure.render` makes at the last
/// step, so the last frame is the still, pixel for pixel. Orbit: every 3-D panel
/// turns by 360°·(i + 1)/n for frame i of n and the whole figure is rendered
/// (paths complete); the last frame turns by none, so it is the still too.
///
/// ```swift
/// let animation = FigureAnimation(figure: figure, font: font)
/// try animation.forEachFrame { image, delay in try encoder.addFrame(image, delay: delay) }
/// ```
public struct FigureAnimation: Sendable {
    public let figure: Figure
    public let settings: Animation
    let font: Font
    /// Another figure's static layer to start every frame from when this
    /// figure's would be the same (`StaticLayer`); nil = drawn.
    public let sharedStaticLayer: StaticLayer?

    /// The animation of `figure` with `settings` (by default the figure's own
    /// `animation`, else `Animation()`), its growing frames drawn over
    /// `sharedStaticLayer` when that is given and fits (see `StaticLayer`).
    public init(figure: Figure, font: Font, settings: Animation? = nil, sharedStaticLayer: StaticLayer? = nil) {
        self.figure = figure
        self.font = font
        self.settings = settings ?? figure.animation ?? Animation()
        self.sharedStaticLayer = sharedStaticLayer
    }

    /// A figure's static layer (`Figure.staticLayer`) and the plot areas it was
    /// drawn for, to be shared by figures that differ only in what their moving
    /// layers draw — the cells of an interactive page that sweep an optimizer's
    /// settings: the same view, contours, colorbar and start markers, other
    /// paths and panel titles.
    ///
    /// Sharing is exact only when nothing that differs is in the static layer.
    /// The caller vouches for the artists below the paths being the same; this
    /// type checks the rest: it is made only for figures whose every panel is a
    /// 2-D axes with a growing artist below its frame (so the frame, with the
    /// panel title, is drawn in the moving layer; `StaticLayer.init` returns nil
    /// otherwise), and a figure laid out with other plot areas (a title of
    /// another height moves them) draws its own static layer.
    public struct StaticLayer: Sendable {
        let image: Image
        let areas: [Rect]
        let transforms: [[Point]]

        /// The static layer of `figure`, or nil when its panels' titles or
        /// anything else a sharing figure may change could be drawn in it.
        public init?(figure: Figure, font: Font) {
            let sharable = figure.panels.allSatisfy { panel in
                guard let axes = panel as? Axes else { return false }
                // `AxesDrawing` starts the moving layer at the first non-static
                // artist in z-order; the frame follows every artist below 2.5.
                return axes.artists.contains { $0.animationRole != .static && $0.zorder < 2.5 }
            }
            guard sharable else { return nil }
            let drawings = figure.laidOut(font: font)
            image = figure.staticLayer(drawings, font: font)
            areas = drawings.map(\.plotArea)
            transforms = drawings.map(StaticLayer.probe)
        }

        /// Two points through the drawing's data → pixel map: equal probes on
        /// equal plot areas of the same view mean the same map.
        static func probe(_ d: any PanelDrawing) -> [Point] {
            [Point(1, 1), Point(10, 10)].map(d.dataToPixel.apply)
        }

        /// Whether `drawings` lie where this layer's were drawn.
        func fits(_ drawings: [any PanelDrawing]) -> Bool {
            drawings.map(\.plotArea) == areas && drawings.map(StaticLayer.probe) == transforms
        }
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

    /// Hands each frame and its delay in seconds to `body`, in order, on the
    /// calling thread.
    ///
    /// - Parameter threads: how many threads make frames (default 1: this one,
    ///   one frame at a time). With more, that many workers make the frames
    ///   ahead of `body` (an encoder) while it works on the ones made — at most
    ///   `threads + 1` frames exist at once, one per worker and the one `body`
    ///   has. A frame depends only on its index, so the frames and every byte
    ///   made of them are the same for any count. When `body` throws, the
    ///   workers stop after the frame they are making and the error is
    ///   rethrown. Memory bounds the count: the frames in flight stay within
    ///   `framesInFlightBytes`, so a large figure makes fewer at once. An orbit
    ///   makes one frame at a time whatever `threads` says: each of its frames
    ///   renders the whole 3-D scene, whose depth samples and float colour
    ///   layer are the largest buffers a figure has (two at once took its peak
    ///   from 84 to 123 MB).
    public func forEachFrame(threads: Int = 1, _ body: (Image, Double) throws -> Void) rethrows {
        try forEachFrame(threads: threads, pool: FramePool(capacity: threads + 1), body)
    }

    /// `forEachFrame(threads:_:)` drawing growing frames into buffers from `pool`
    /// (tests pass their own, to see it used).
    func forEachFrame(threads: Int, pool: FramePool, _ body: (Image, Double) throws -> Void) rethrows {
        let maker = FrameMaker(self, threads: threads, pool: pool)
        let n = frameCount
        let shared = SendableFrameMaker(maker: maker)
        let frameBytes = max(1, figure.pixelWidth * figure.pixelHeight * 4)
        let affordable = max(1, Self.framesInFlightBytes / frameBytes - 1)   // workers; the consumer holds one more
        // Frame k − 1 goes back to the pool once `body` has had frame k: an
        // encoder keeps the frame before the current one to diff against.
        var handedOut: Image?
        try OrderedPipeline.run(count: n, threads: maker.background == nil ? 1 : min(threads, affordable),
                                make: { k in (k, shared.maker.frame(k)) }) { k, image in
            try body(image, delay(ofFrame: k, count: n))
            guard maker.background != nil else { return }   // an orbit's frames are rendered whole
            if let done = handedOut { maker.pool.giveBack(done) }
            handedOut = image
        }
    }

    /// Most bytes of frames made on threads at once (12 MiB): a 1000 × 600
    /// figure's frames (2.4 MB each) are made two at a time, a 1500 × 850
    /// one's (5.1 MB) one at a time. Measured on `d2l_all`'s GIF: three frames
    /// in flight took its peak from 83 to 113 MB, as each thread's allocator
    /// arena keeps freed frames of its own.
    public static let framesInFlightBytes = 12 << 20

    /// The frame maker read by the pipeline's workers: every property is
    /// immutable after `init`, and drawing only reads them (the font locks its
    /// own caches), so sharing it between threads is safe.
    private struct SendableFrameMaker: @unchecked Sendable {
        let maker: FrameMaker
    }

    /// Frames `indices` (0-based, each within 0..<frameCount), laid out once:
    /// random access for tests and previews.
    public func frames(_ indices: [Int]) -> [Image] {
        let maker = FrameMaker(self)
        return indices.map(maker.frame)
    }

    /// What frames are made from, prepared once: the laid-out panels and the
    /// static layer (growing paths), or nothing (an orbit renders each frame whole).
    private struct FrameMaker {
        let animation: FigureAnimation
        let steps: [Int]
        let drawings: [any PanelDrawing]
        let background: Image?
        /// The panels an orbit turns: the figure's, each orbiting legend placed once.
        let orbitPanels: [any Panel]

        /// Threads the static layer (and an orbit's frames) may draw with.
        let threads: Int
        /// Growing frames the consumer is done with, drawn into again.
        let pool: FramePool

        init(_ animation: FigureAnimation, threads: Int = 1, pool: FramePool = FramePool(capacity: 1)) {
            self.animation = animation
            self.threads = threads
            self.pool = pool
            steps = animation.frameSteps
            if animation.settings.orbitFrames ?? 0 > 0 {
                drawings = []
                background = nil
                orbitPanels = FrameMaker.placingOrbitLegends(animation.figure, font: animation.font)
            } else {
                drawings = animation.figure.laidOut(font: animation.font)
                if let shared = animation.sharedStaticLayer, shared.fits(drawings) {
                    background = shared.image
                } else {
                    background = animation.figure.staticLayer(drawings, font: animation.font, threads: threads)
                }
                orbitPanels = []
            }
        }

        /// The figure's panels with the legend of every 3-D panel that has
        /// `orbitAzimuths` placed once, as the unturned figure lays it out.
        /// Such a legend is placed clear of the frame at all those azimuths
        /// together, so its place does not depend on the frame's own azimuth:
        /// placing it again in every frame (a frame layout per azimuth, per
        /// frame) would find the same point, and costs more than the frame.
        static func placingOrbitLegends(_ figure: Figure, font: Font) -> [any Panel] {
            let orbiting = figure.panels.contains {
                guard let axes = $0 as? Axes3D else { return false }
                return axes.orbitAzimuths != nil && axes.legend != nil && axes.legendOrigin == nil
            }
            guard orbiting, !figure.bare else { return figure.panels }
            // Laid out as `Figure.laidOut` does, without drawing any surface.
            var shown = figure
            shown.panels = figure.panels.map { $0.resolvingLimits() }
            let boxes = FigureLayout(figure: shown, font: font).boxes()
            let environment = figure.environment(font: font)
            return zip(shown.panels, boxes).enumerated().map { k, placed in
                guard var axes = figure.panels[k] as? Axes3D, axes.orbitAzimuths != nil,
                      let resolved = placed.0 as? Axes3D,
                      let origin = Scene3D.legendOrigin(of: resolved, box: placed.1, environment: environment)
                else { return figure.panels[k] }
                axes.legendOrigin = origin
                return axes
            }
        }

        func frame(_ i: Int) -> Image {
            let figure = animation.figure, font = animation.font
            guard let background else {
                // Frame i of n turns by (i + 1)/n of a circle: the last by a whole
                // turn, which is no turn at all, so it is the still.
                let n = steps.count
                var turned = figure
                turned.panels = orbitPanels.map { $0.turned(byAzimuth: 360 * Double((i + 1) % n) / Double(n)) }
                return turned.render(font: font, threads: threads)
            }
            var canvas: any Canvas = RasterCanvas(image: pool.copy(of: background))
            figure.drawMovingLayer(drawings, atStep: steps[i], font: font, on: &canvas)
            return (canvas as! RasterCanvas).image
        }
    }
}
