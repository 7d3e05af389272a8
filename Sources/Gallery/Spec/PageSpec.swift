/// `page:` — also write `<name>.html`, the interactive page of the figure's
/// sweep: one slider per swept parameter, a play control that grows the path,
/// the values and losses as text (see `InteractivePage` in Encode). Its still
/// is then the figure at the sliders' opening values rather than the small
/// multiples.
///
/// ```yaml
/// sweep: {lr: "0:1:21"}
/// page: {fps: 10}
/// ```
public struct PageSpec: Codable, Sendable, Equatable {
    /// Frames per second when playing; default 1 / 0.06 (60 ms, as the GIFs).
    public var fps: Double?
    /// Optimizer steps per frame; default 1.
    public var stepsPerFrame: Int?

    public init(fps: Double? = nil, stepsPerFrame: Int? = nil) {
        self.fps = fps
        self.stepsPerFrame = stepsPerFrame
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fps, stepsPerFrame = "steps_per_frame"
    }
}
