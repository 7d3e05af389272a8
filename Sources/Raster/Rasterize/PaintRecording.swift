/// A `Canvas` that paints nothing but remembers what each call would paint —
/// coverage masks with their colours and clips — so the same pixels can be
/// painted again and again without rasterizing paths or laying out text anew.
///
/// `RasterCanvas.replay` paints a recording exactly as the original calls would
/// have (the same masks through the same compositing), so an animation can
/// record the static parts above its moving paths (frame, labels, legend) once
/// and replay them on every frame, byte for byte what drawing them gives.
///
/// The calls themselves are kept too (`calls`), so a vector canvas replays a
/// recording as the paths and text it was made of (`replayCalls`), not as masks.
public struct PaintRecording: MaskCanvas, Sendable {
    /// One painting step, with the clip that was set when it was made.
    enum Step: Sendable {
        case mask(CoverageMask, Color, clip: Rect?)
        case pixels(Rect, Color, clip: Rect?)
        case layer(PixelLayer, clip: Rect?)
    }

    /// One call made on the recording, as it was made.
    public enum Call: Sendable {
        case fill(Path, Color, FillRule)
        case stroke(Path, StrokeStyle, Color)
        case pixels(Rect, Color)
        case mask(CoverageMask, Color)
        case layer(PixelLayer)
        case text(String, Font, at: Point, sizePx: Double, Color, TextAnchorX, TextAnchorY, rotation: Double)
    }

    public let width: Int
    public let height: Int
    public var clip: Rect?
    private(set) var steps: [Step] = []
    /// Every call in order, with the clip set when it was made.
    public private(set) var calls: [(call: Call, clip: Rect?)] = []

    /// An empty recording for a surface of `width × height` pixels.
    public init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
    }

    public var isEmpty: Bool { steps.isEmpty }

    public mutating func fillPixels(_ rect: Rect, color: Color) {
        calls.append((.pixels(rect, color), clip))
        steps.append(.pixels(rect, color, clip: clip))
    }

    public mutating func paint(_ mask: CoverageMask, color: Color) {
        calls.append((.mask(mask, color), clip))
        appendMask(mask, color: color)
    }

    public mutating func draw(_ layer: PixelLayer) {
        calls.append((.layer(layer), clip))
        steps.append(.layer(layer, clip: clip))
    }

    // fill, stroke and drawText record the call, then the mask `MaskCanvas`
    // would paint for it (the same steps as before calls were kept).

    public mutating func fill(_ path: Path, color: Color, rule: FillRule) {
        calls.append((.fill(path, color, rule), clip))
        guard color.a > 0, let area = drawableArea else { return }
        appendMask(Rasterizer.coverage(of: path, rule: rule, clip: area), color: color)
    }

    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        calls.append((.stroke(path, style, color), clip))
        guard color.a > 0, let area = drawableArea else { return }
        appendMask(Rasterizer.coverage(of: path.stroked(style), rule: .nonZero, clip: area), color: color)
    }

    public mutating func drawText(_ text: String, font: Font, at: Point, sizePx: Double, color: Color,
                                  anchorX: TextAnchorX, anchorY: TextAnchorY, rotation: Double) {
        calls.append((.text(text, font, at: at, sizePx: sizePx, color, anchorX, anchorY, rotation: rotation), clip))
        guard color.a > 0, let mask = font.textMask(text, at: at, sizePx: sizePx, anchorX: anchorX,
                                                      anchorY: anchorY, rotation: rotation) else { return }
        appendMask(mask, color: color)
    }

    private mutating func appendMask(_ mask: CoverageMask, color: Color) {
        guard !mask.isEmpty, color.a > 0 else { return }
        steps.append(.mask(mask, color, clip: clip))
    }

    /// Appends the other recording's steps and calls, each under its own clip ∩ `region`.
    public mutating func replay(_ recording: PaintRecording, within region: Rect?) {
        for (call, clip) in recording.calls {
            guard let region else { calls.append((call, clip)); continue }
            if let r = PaintRecording.limit(clip, to: region) { calls.append((call, r)) }
        }
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

extension Canvas {
    /// Makes the recorded calls again on this canvas, each under the clip it was
    /// recorded with (∩ `region` when given), keeping the canvas' own clip: how a
    /// canvas that draws vectors replays a recording — as paths and text, at any
    /// zoom — where `RasterCanvas` repaints the recorded masks.
    public mutating func replayCalls(_ recording: PaintRecording, within region: Rect?) {
        let saved = clip
        defer { clip = saved }
        for (call, c) in recording.calls {
            guard let effective = PaintRecording.clip(c, within: region) else { continue }
            clip = effective
            switch call {
            case .fill(let path, let color, let rule): fill(path, color: color, rule: rule)
            case .stroke(let path, let style, let color): stroke(path, style: style, color: color)
            case .pixels(let rect, let color): fillPixels(rect, color: color)
            case .mask(let mask, let color): paint(mask, color: color)
            case .layer(let layer): draw(layer)
            case .text(let text, let font, let at, let sizePx, let color, let ax, let ay, let rotation):
                drawText(text, font: font, at: at, sizePx: sizePx, color: color, anchorX: ax, anchorY: ay,
                         rotation: rotation)
            }
        }
    }
}
