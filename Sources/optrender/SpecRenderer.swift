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
        // The still keeps the spec's animation (a step counter shows in it too);
        // the command line's timing applies to the animation written.
        let animationSettings = animationSettings(for: figure, selection: selection)
        var written: [String] = []
        if let still = selection.still {
            let name = "\(spec.name).\(still.fileExtension)"
            try output.write(still.init().encode(figure.render(font: font)), to: name)
            written.append(output.url.appendingPathComponent(name).path)
        }
        if let format = selection.animation, let settings = animationSettings {
            let name = "\(spec.name).\(format.fileExtension)"
            try output.write(animation(of: figure, settings: settings, format: format), to: name)
            written.append(output.url.appendingPathComponent(name).path)
        }
        return written
    }

    /// The figure's animation with the command line's timing: the spec's own,
    /// or — when the selection animates every figure with paths (`--gif`,
    /// `--format gif`) — the default for any figure whose paths move. Nil when
    /// there is nothing to animate or no animation format is selected.
    func animationSettings(for figure: Figure, selection: OutputSelection) -> Animation? {
        guard selection.animation != nil else { return nil }
        let everyPath = selection.animatesEveryPath && figure.lastStep > 0
        guard var settings = figure.animation ?? (everyPath ? Animation() : nil) else { return nil }
        if let fps = options.fps { settings.fps = fps }
        if let s = options.stepsPerFrame { settings.stepsPerFrame = s }
        if let h = options.hold { settings.endHold = h }
        return settings
    }

    /// The animation of `figure` in `format`, its frames streamed into the
    /// encoder one at a time (151 frames of 1000 × 600 held at once would take
    /// 360 MB). The delays, holds included, come from `FigureAnimation`.
    func animation(of figure: Figure, settings: Animation, format: any AnimationEncoder.Type) throws -> [UInt8] {
        do {
            var encoder = try format.init(width: figure.pixelWidth, height: figure.pixelHeight)
            try FigureAnimation(figure: figure, font: font, settings: settings).forEachFrame { try encoder.addFrame($0, delay: $1) }
            return try encoder.finish(lastFrameHold: nil)
        } catch let error as CLIFailure {
            throw error
        } catch {
            throw CLIFailure("\(error)")
        }
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
