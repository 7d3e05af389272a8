import Encode
import Foundation
import Gallery
import Plot

/// A sweep with `animation:` writes its small multiples as the still and an
/// animation of one frame per swept value (`fps` of the spec's animation,
/// default 1; `hold` on the last value, default 1.5 s). Frames are rendered and
/// streamed into the encoder one at a time; the bytes depend only on the spec.
/// It goes through `SpecRenderer.process` like every figure, so `--check`,
/// `--jobs`, `--shard`, the manifest and the progress lines cover it too.
extension SpecRenderer {
    /// The files of a value sweep, in memory: the still (small multiples) and
    /// the animation of its values, as the output selection asks.
    func produceValueSweep(_ spec: FigureSpec, report: inout FigureReport) throws -> [RenderedFile] {
        let selection = try options.outputSelection()
        var files: [RenderedFile] = []
        if let still = selection.still {
            let figure = try figureForOutput(SweepExpansion.still(spec), report: &report)
            files.append(try stillFile(of: figure, named: spec.name, format: still, report: &report))
        }
        guard let format = selection.animation else { return files }
        if format is InteractivePageEncoder.Type { return files + [try pageFile(spec, report: &report)] }
        let frameSpecs: [FigureSpec]
        do { frameSpecs = try SweepExpansion.frames(spec) } catch { throw CLIFailure("\(error)") }
        let fps = options.fps ?? spec.animation?.fps ?? 1
        let hold = options.hold ?? spec.animation?.hold ?? 1.5
        var encoder: (any AnimationEncoder)?
        var sequence: FrameSequence? = options.frames ? FrameSequence(name: spec.name) : nil
        var size = (width: 0, height: 0)
        do {
            for (k, frameSpec) in frameSpecs.enumerated() {
                let figure = try figureForOutput(frameSpec, report: &report)
                if encoder == nil && sequence == nil {
                    var settings = try options.encoderSettings()
                    settings.background = figure.theme.figureFaceColor
                    encoder = try format.init(width: figure.pixelWidth, height: figure.pixelHeight, settings: settings)
                }
                size = (figure.pixelWidth, figure.pixelHeight)
                let t0 = DispatchTime.now()
                let image = figure.render(font: font)
                let t1 = DispatchTime.now()
                let delay = k == frameSpecs.count - 1 ? max(1 / fps, hold) : 1 / fps
                if sequence != nil { try sequence!.addFrame(image, delay: delay) } else { try encoder!.addFrame(image, delay: delay) }
                report.renderSeconds += Timings.seconds(t0, t1)
                report.encodeSeconds += Timings.seconds(t1, .now())
            }
            if let sequence, sequence.frameCount > 0 {
                return files + (try Self.renderedFiles(sequence, width: size.width, height: size.height))
            }
            guard var e = encoder else { return files }
            let t = DispatchTime.now()
            let bytes = try e.finish(lastFrameHold: nil)
            report.encodeSeconds += Timings.seconds(t, .now())
            files.append(RenderedFile(name: "\(spec.name).\(format.fileExtension)", format: format.formatName,
                                      width: size.width, height: size.height, frames: frameSpecs.count, bytes: bytes))
            return files
        } catch let error as CLIFailure {
            throw error
        } catch {
            throw CLIFailure("\(spec.name): \(error)")
        }
    }
}
