import Dispatch
import Encode
import Foundation
import Gallery
import Plot
import Raster

/// Renders specs to PNG (and GIF) files, in parallel; the bytes of each file
/// depend only on its spec and the options, never on the thread count or order.
struct SpecRenderer {
    let font: Font
    let options: RenderOptions

    init(options: RenderOptions) throws {
        self.options = options
        do { font = try options.font.map { try Font.load(path: $0) } ?? Font.defaultFont() } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// Renders every spec; reports the first failure (by spec order) after all finish.
    func renderAll(_ specs: [FigureSpec], to output: OutputFolder) throws {
        let results = ResultSlots(count: specs.count)
        DispatchQueue.concurrentPerform(iterations: specs.count) { i in
            results.set(i, Result { try render(specs[i], to: output) })
        }
        for (spec, result) in zip(specs, results.values) {
            switch result {
            case .success(let files): files.forEach { print("wrote \($0)") }
            case .failure(let e): throw (e as? CLIFailure) ?? CLIFailure("\(spec.name): \(e)")
            case nil: throw CLIFailure("\(spec.name): not rendered")
            }
        }
    }

    /// Builds, renders and writes one spec; returns the paths written.
    func render(_ spec: FigureSpec, to output: OutputFolder) throws -> [String] {
        var figure: Figure
        do { figure = try FigureBuilder(spec: spec).build() } catch { throw CLIFailure("\(error)") }
        if let dpi = options.dpi { figure.dpi = dpi }
        if let (w, h) = try options.pixelSize() {
            figure.width = Double(w) / figure.dpi
            figure.height = Double(h) / figure.dpi
        }
        figure.bare = options.bare
        let selection = try options.outputSelection()
        var written: [String] = []
        if let still = selection.still {
            let name = "\(spec.name).\(still.fileExtension)"
            try output.write(still.init().encode(figure.render(font: font)), to: name)
            written.append(output.url.appendingPathComponent(name).path)
        }
        let paths = figure.hasGrowingArtists || figure.axes3D.contains { !$0.paths.isEmpty }
        if let format = selection.animation, spec.animation != nil || (selection.animatesEveryPath && paths) {
            let name = "\(spec.name).\(format.fileExtension)"
            try output.write(animation(of: figure, spec: spec, format: format), to: name)
            written.append(output.url.appendingPathComponent(name).path)
        }
        return written
    }

    /// The animation of `figure` in `format`: frame per `stepsPerFrame` steps at
    /// `fps`, last frame held. Frames go to the encoder as they are made.
    func animation(of figure: Figure, spec figureSpec: FigureSpec, format: any AnimationEncoder.Type) throws -> [UInt8] {
        let spec = figureSpec.animation
        let fps = options.fps ?? spec?.fps ?? 1 / 0.06
        let stepsPerFrame = options.stepsPerFrame ?? spec?.stepsPerFrame ?? 1
        let hold = options.hold ?? spec?.hold ?? 1.5
        var encoder: any AnimationEncoder
        do { encoder = try format.init(width: figure.pixelWidth, height: figure.pixelHeight) } catch { throw CLIFailure("\(error)") }
        var failure: (any Error)?
        let orbit = figureSpec.panels.lazy.compactMap { $0.surface?.orbit == true ? ($0.surface?.orbitFrames ?? 72) : nil }.first
        forEachFrame(of: figure, orbit: orbit, counter: spec?.counter ?? false, stepsPerFrame: stepsPerFrame) {
            guard failure == nil else { return }
            do { try encoder.addFrame($0, delay: 1 / fps) } catch { failure = error }
        }
        if let failure { throw CLIFailure("\(failure)") }
        do { return try encoder.finish(lastFrameHold: max(hold, 1 / fps)) } catch { throw CLIFailure("\(error)") }
    }
}

extension SpecRenderer {
    /// Hands each frame to `body` as it is made (never all at once: 151 frames
    /// of 1000 × 600 would hold 360 MB): a camera orbit when a 3-D panel asks
    /// for one, else the paths growing over the static layer (3-D or 2-D).
    func forEachFrame(of figure: Figure, orbit: Int?, counter: Bool, stepsPerFrame: Int, _ body: (Image) -> Void) {
        if let orbit, orbit > 0 {
            let start = figure.axes3D.first?.azimuth ?? -60
            for k in 0..<orbit {
                let azimuth = start + 360 * Double(k) / Double(orbit)
                Animation3D.orbit(figure: figure, font: font, azimuths: [azimuth]).forEach(body)
            }
        } else if !figure.axes3D.isEmpty {
            let animation = Animation3D(figure: figure, font: font)
            for k in animation.frameSteps(stepsPerFrame: stepsPerFrame) { body(animation.frame(k)) }
        } else {
            var animation = Animation2D(figure: figure, font: font)
            animation.showsCounter = counter
            for k in animation.frameSteps(stepsPerFrame: stepsPerFrame) { body(animation.frame(k)) }
        }
    }
}

extension Figure {
    /// Some axes holds a path that grows in an animation.
    var hasGrowingArtists: Bool {
        axes.contains { $0.artists.contains { $0.animationRole == .growing } }
    }
}

/// Per-index result storage filled from concurrent workers.
final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<[String], any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<[String], any Error>) {
        lock.lock(); slots[i] = r; lock.unlock()
    }

    var values: [Result<[String], any Error>?] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}
