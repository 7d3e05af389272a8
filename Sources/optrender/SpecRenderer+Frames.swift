import Dispatch
import Encode
import Plot

/// `--frames`: an animation written as a `FrameSequence` (numbered PNGs, a
/// timeline and the `\animategraphics` line for beamer) instead of one file.
extension SpecRenderer {
    /// The frame files of `figure`'s animation, in memory, under `name/`.
    func frameSequence(of figure: Figure, settings: Animation, named name: String,
                       report: inout FigureReport) throws -> [RenderedFile] {
        do {
            let t0 = DispatchTime.now()
            var encoding = 0.0
            var sequence = FrameSequence(name: name)
            let animation = FigureAnimation(figure: figure, font: font, settings: settings)
            try animation.forEachFrame(threads: figureThreads) { image, delay in
                let t = DispatchTime.now()
                try sequence.addFrame(image, delay: delay)
                encoding += Timings.seconds(t, .now())
            }
            let files = try Self.renderedFiles(sequence, width: figure.pixelWidth, height: figure.pixelHeight)
            report.encodeSeconds += encoding
            report.renderSeconds += Timings.seconds(t0, .now()) - encoding
            return files
        } catch let error as CLIFailure {
            throw error
        } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// A finished sequence's files as `RenderedFile`s (PNG frames, then the
    /// timeline and the `.tex` as text).
    static func renderedFiles(_ sequence: FrameSequence, width: Int, height: Int,
                              lastFrameHold: Double? = nil) throws -> [RenderedFile] {
        try sequence.files(lastFrameHold: lastFrameHold).map { file in
            let isPNG = file.name.hasSuffix(".png")
            return RenderedFile(name: file.name, format: isPNG ? "png" : "text", width: isPNG ? width : 0,
                                height: isPNG ? height : 0, frames: isPNG ? 1 : 0, bytes: file.bytes)
        }
    }
}
