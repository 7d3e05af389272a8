import Encode
import Foundation
import Gallery
import Plot

/// A sweep with `animation:` writes its small multiples as the still and an
/// animation of one frame per swept value (`fps` of the spec's animation,
/// default 1; `hold` on the last value, default 1.5 s). Frames are rendered and
/// streamed into the encoder one at a time; the bytes depend only on the spec.
enum SweepAnimation {
    /// Renders `specs` — the sweeps with animations here, the rest through
    /// `SpecRenderer` — and reports the first failure after all are written.
    static func renderAll(_ specs: [FigureSpec], with renderer: SpecRenderer, to output: OutputFolder) throws {
        let (values, others) = (specs.filter(SweepExpansion.animatesValues), specs.filter { !SweepExpansion.animatesValues($0) })
        var failure: (any Error)?
        do { try renderer.renderAll(others, to: output) } catch { failure = error }
        // The stills of value sweeps: PNG only (their animation is written below).
        if !values.isEmpty, try renderer.options.outputSelection().still != nil {
            var stillOptions = renderer.options
            (stillOptions.format, stillOptions.gif, stillOptions.gifOnly, stillOptions.noGif) = ("png", false, false, false)
            do { try SpecRenderer(options: stillOptions).renderAll(values.map(SweepExpansion.still), to: output) } catch {
                failure = failure ?? error
            }
        }
        for spec in values {
            do {
                if let path = try render(spec, with: renderer, to: output) { print("wrote \(path)") }
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }

    /// The animation file of one sweep, when the selected outputs include animations.
    static func render(_ spec: FigureSpec, with renderer: SpecRenderer, to output: OutputFolder) throws -> String? {
        guard let format = try renderer.options.outputSelection().animation else { return nil }
        let frames: [FigureSpec]
        do { frames = try SweepExpansion.frames(spec) } catch { throw CLIFailure("\(error)") }
        let fps = renderer.options.fps ?? spec.animation?.fps ?? 1
        let hold = renderer.options.hold ?? spec.animation?.hold ?? 1.5
        var encoder: (any AnimationEncoder)?
        do {
            for (k, frameSpec) in frames.enumerated() {
                var figure = try FigureBuilder(spec: frameSpec).build()
                if let dpi = renderer.options.dpi { figure.dpi = dpi }
                if let (w, h) = try renderer.options.pixelSize() {
                    figure.width = Double(w) / figure.dpi
                    figure.height = Double(h) / figure.dpi
                }
                figure.bare = renderer.options.bare
                if encoder == nil { encoder = try format.init(width: figure.pixelWidth, height: figure.pixelHeight) }
                try encoder!.addFrame(figure.render(font: renderer.font), delay: k == frames.count - 1 ? max(1 / fps, hold) : 1 / fps)
            }
            guard var e = encoder else { return nil }
            let name = "\(spec.name).\(format.fileExtension)"
            try output.write(e.finish(lastFrameHold: nil), to: name)
            return output.url.appendingPathComponent(name).path
        } catch let error as CLIFailure {
            throw error
        } catch {
            throw CLIFailure("\(spec.name): \(error)")
        }
    }
}
