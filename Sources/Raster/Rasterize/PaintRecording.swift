/// A `Canvas` that paints nothing but remembers what each call would paint —
/// coverage masks with their colours and clips — so the same pixels can be
/// painted again and again without rasterizing paths or laying out text anew.
///
/// `RasterCanvas.replay` paints a recording exactly as the original calls would
/// have (the same masks through the same compositing), so an animation can
/// record the static parts above its moving paths (frame, labels, legend) once
/// and replay them on every frame, byte for byte what drawing them gives.
public struct PaintRecording: MaskCanvas, Sendable {
    /// One painting step, with the clip that was set when it was made.
    enum Step: Sendable {
        case mask(CoverageMask, Color, clip: Rect?)
        case pixels(Rect, Color, clip: Rect?)
        case layer(PixelLayer, clip: Rect?)
    }

    public let width: Int
    public let height: Int
    public var clip: Rect?
    private(set) var steps: [Step] = []

    /// An empty recording for a surface of `width × height` pixels.
    public init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
    }

    public var isEmpty: Bool { steps.isEmpty }

    public mutating func fillPixels(_ rect: Rect, color: Color) {
        steps.append(.pixels(rect, color, clip: clip))
    }

    public mutating func paint(_ mask: CoverageMask, color: Color) {
        guard !mask.isEmpty, color.a > 0 else { return }
        steps.append(.mask(mask, color, clip: clip))
    }

    public mutating func draw(_ layer: PixelLayer) {
        steps.append(.layer(layer, clip: clip))
    }

    /// Appends the other recording's steps, each under its own clip ∩ `region`.
    public mutating func replay(_ recording: PaintRecording, within region: Rect?) {
        for step in recording.steps {
            guard let region else { steps.append(step); continue }
            switch step {
            case .mask(let m, let c, let clip):
                if let r = PaintRecording.limit(clip, to: region) { steps.append(.mask(m, c, clip: r)) }
            case .pixels(let rect, let c, let clip):
                if let r = PaintRecording.limit(clip, to: region) { steps.append(.pixels(rect, c, clip: r)) }
            case .layer(let l, let clip):
                if let r = PaintRecording.limit(clip, to: region) { steps.append(.layer(l, clip: r)) }
            }
        }
    }

    /// A step's clip limited to `region`; nil when nothing is left.
    static func limit(_ clip: Rect?, to region: Rect) -> Rect? {
        guard let clip else { return region }
        guard let r = clip.intersection(region), !r.isEmpty else { return nil }
        return r
    }

    /// The clip to paint a step under — its own, limited to `region` when one is
    /// given — or nil when the step paints nothing there (`.some(nil)`: no clip).
    static func clip(_ clip: Rect?, within region: Rect?) -> Rect?? {
        guard let region else { return .some(clip) }
        return limit(clip, to: region).map { .some($0) } ?? nil
    }
}

extension RasterCanvas {
    /// Paints `recording` as the calls that made it would have, each step under
    /// the clip it was recorded with (∩ `region`, whole pixels, when given): a
    /// pixel gets exactly the bytes it would from the original calls. The
    /// canvas' own clip is kept.
    public mutating func replay(_ recording: PaintRecording, within region: Rect?) {
        let saved = clip
        defer { clip = saved }
        for step in recording.steps {
            switch step {
            case .mask(let mask, let color, let c):
                guard let effective = PaintRecording.clip(c, within: region) else { continue }
                clip = effective; paint(mask, color: color)
            case .pixels(let rect, let color, let c):
                guard let effective = PaintRecording.clip(c, within: region) else { continue }
                clip = effective; fillPixels(rect, color: color)
            case .layer(let layer, let c):
                guard let effective = PaintRecording.clip(c, within: region) else { continue }
                clip = effective; draw(layer)
            }
        }
    }
}
