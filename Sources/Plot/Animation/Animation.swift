/// How a figure animates: the timing of `FigureAnimation`'s frames and what
/// changes between them. Either the paths grow on every panel (2-D and 3-D
/// alike), one frame per `stepsPerFrame` optimizer steps, or — with
/// `orbitFrames` — every 3-D panel's camera turns a full circle with the paths
/// complete.
public struct Animation: Sendable, Hashable {
    /// Frames per second; default 1 / 0.06 s (60 ms a frame, seed 004's GIF).
    /// Values that are not finite and positive count as the default.
    public var fps: Double = 1 / 0.06
    /// Optimizer steps per frame; default 1, values below 1 count as 1. The
    /// last step always gets a frame.
    public var stepsPerFrame: Int = 1
    /// Seconds the first frame stays on screen (a pause before the paths start);
    /// default 0: one frame's time.
    public var startHold: Double = 0
    /// Seconds the last frame stays on screen, so the result can be read before
    /// the loop restarts; default 1.5, never less than one frame's time.
    public var endHold: Double = 1.5
    /// A "step k" box in the top-left corner of the first panel. The still shows
    /// it too, at the last step, so the still stays the last frame.
    public var showsCounter = false
    /// A camera orbit of this many frames instead of growing paths; nil = none.
    public var orbitFrames: Int?

    public init(fps: Double = 1 / 0.06, stepsPerFrame: Int = 1, startHold: Double = 0, endHold: Double = 1.5,
                showsCounter: Bool = false, orbitFrames: Int? = nil) {
        self.fps = fps
        self.stepsPerFrame = stepsPerFrame
        self.startHold = startHold
        self.endHold = endHold
        self.showsCounter = showsCounter
        self.orbitFrames = orbitFrames
    }

    /// Seconds a frame is shown.
    public var frameTime: Double { fps.isFinite && fps > 0 ? 1 / fps : 0.06 }
}
