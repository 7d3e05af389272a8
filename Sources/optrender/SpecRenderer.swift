import Dispatch
import Encode
import Foundation
import Gallery
import Plot
import Raster

/// One file of a figure, rendered in memory.
struct RenderedFile {
    let name: String
    let format: String
    let width: Int
    let height: Int
    let frames: Int
    let bytes: [UInt8]
}

/// What became of one file: its manifest facts and its status.
struct FileRecord: Sendable {
    enum Status: String, Sendable { case written, unchanged, upToDate = "up to date", stale, missing }
    let name: String
    let format: String
    let width: Int
    let height: Int
    let frames: Int
    let size: Int
    let sha256: String
    let status: Status
}

/// What became of one figure: its files, or the one-line reason it failed;
/// with `--check`, one line per file that differs.
struct FigureReport: Sendable {
    let name: String
    var records: [FileRecord] = []
    var failure: String?
    var differences: [String] = []
    var buildSeconds = 0.0
    var renderSeconds = 0.0
    var encodeSeconds = 0.0
}

/// Renders specs to PNG (and GIF) files, `--jobs` at a time; the bytes of each
/// file depend only on its spec and the options, never on the job count or
/// order. One figure failing does not stop the others.
struct SpecRenderer {
    let font: Font
    let options: RenderOptions
    /// The stills collected for `--pdf-book`, nil without it.
    let book: PDFBookPages?
    /// Threads one figure draws with (its frames, `FigureAnimation.forEachFrame`,
    /// and its contour bands, `Figure.render(font:threads:)`): the `--jobs`
    /// left over when fewer figures than jobs render at once, so a single
    /// figure uses every core and a whole catalog one per figure.
    var figureThreads = 1
    /// Figures already built from their specs (by `render`'s checks), used
    /// instead of building them again.
    var built = BuiltFigures()

    init(options: RenderOptions) throws {
        self.options = options
        book = options.pdfBook == nil ? nil : PDFBookPages()
        do { font = try options.font.map { try Font.load(path: $0) } ?? Font.defaultFont() } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// Renders (or, with `--check`, compares) every spec of this `--shard`;
    /// with `index`, the gallery's README.md and manifest.json too, and with
    /// `--check` the folder's files no figure writes are reported as extra.
    /// Throws one summary `CLIFailure` after all finish when any figure failed
    /// or differs (each already reported on its own line).
    func renderAll(_ specs: [FigureSpec], to output: OutputFolder, index: Bool = false) throws {
        let shard = try options.shardPart()
        let mine = Shard.select(specs, part: shard)
        Interruption.install()
        let progress = Progress(names: mine.map(\.name), quiet: options.quiet)
        let results = ResultSlots(count: mine.count)
        let next = ResultSlots.Counter()
        let jobs = min(options.jobCount, max(1, mine.count))
        var renderer = self
        renderer.figureThreads = max(1, options.jobCount / jobs)
        DispatchQueue.concurrentPerform(iterations: jobs) { [renderer] _ in
            while let i = next.take(below: mine.count) {
                progress.started(i)
                let report = renderer.process(mine[i], in: output)
                results.set(i, report)
                progress.finished(i, report)
            }
        }
        progress.finish()
        let reports = results.values.compactMap { $0 }
        let failures = reports.filter { $0.failure != nil }.count
        var indexFailures = 0
        var differences = reports.reduce(0) { $0 + $1.differences.count }
        var extraRecords: [FileRecord] = []
        if index && shard == nil {
            if failures > 0 {
                let what = options.check ? "checked" : "updated"
                FileHandle.standardError.write(Data("optrender: error: README.md and manifest.json not \(what) because a figure failed\n".utf8))
            } else {
                let (records, problems) = writeIndex(for: mine, reports: reports, to: output)
                extraRecords = records
                let found = problems.filter { $0.hasPrefix("stale") || $0.hasPrefix("missing") || $0.hasPrefix("extra") }.count
                differences += found
                indexFailures = problems.count - found
                for p in problems { FileHandle.standardError.write(Data("optrender: error: \(p)\n".utf8)) }
            }
        }
        if let path = options.pdfBook, let book {
            try book.write(order: mine.map(\.name), font: font, to: path)
        }
        if let path = options.timings {
            do { try Timings.write(reports, to: path) } catch {
                throw CLIFailure("cannot write the timings to '\(path)': \(error.localizedDescription)")
            }
        }
        let all = reports.flatMap(\.records) + extraRecords
        if !options.quiet { Progress.out(summary(all, figures: reports.count, seconds: progress.elapsed) + "\n") }
        if options.check && differences > 0 {
            throw CLIFailure("\(differences) file\(differences == 1 ? " differs" : "s differ") in '\(options.out)' from what this build renders; "
                             + "run the same command without --check and commit the result")
        }
        if mine.count == 1, let only = reports.first, only.failure != nil { throw CLIFailure(Progress.line(only)) }
        if failures > 0 {
            let rest = failures >= mine.count ? "" : "; the others were \(options.check ? "checked" : "written")"
            throw CLIFailure("\(failures) of \(mine.count) figure\(mine.count == 1 ? "" : "s") failed (each error above)\(rest)")
        }
        if indexFailures > 0 { throw CLIFailure("README.md or manifest.json could not be written (above); the figures were") }
    }

    /// "42 figures, 54 files: 3 written, 51 unchanged, 4,123,456 bytes, 12.3 s".
    func summary(_ records: [FileRecord], figures: Int, seconds: Double) -> String {
        let bytes = records.reduce(0) { $0 + $1.size }
        let counts = [FileRecord.Status.written, .unchanged, .upToDate, .stale, .missing].compactMap { s -> String? in
            let n = records.filter { $0.status == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        let formatted = NumberFormatter.localizedString(from: NSNumber(value: bytes), number: .decimal)
        return "\(figures) figure\(figures == 1 ? "" : "s"), \(records.count) files: "
            + (counts.isEmpty ? "none" : counts.joined(separator: ", "))
            + ", \(formatted) bytes, \(String(format: "%.1f", seconds)) s"
    }

    /// Renders one spec and writes (or checks) its files; never throws.
    func process(_ spec: FigureSpec, in output: OutputFolder) -> FigureReport {
        var report = FigureReport(name: spec.name)
        if let problem = OutputFolder.problem(withName: spec.name) {
            report.failure = problem
            return report
        }
        do {
            let files = try produce(spec, report: &report)
            for file in files {
                let status: FileRecord.Status
                let (folder, leaf) = try output.nested(file.name, creating: !options.check)
                if options.check {
                    let existing = folder.existing(leaf)
                    if let difference = GalleryCheck.difference(expected: file.bytes, existing: existing, format: file.format,
                                                                        pixelBytes: file.width * file.height * 4 * file.frames) {
                        report.differences.append("\(existing == nil ? "missing" : "stale"): \(output.display(file.name))\(difference)")
                        status = existing == nil ? .missing : .stale
                    } else {
                        status = .upToDate
                    }
                } else {
                    status = try folder.write(file.bytes, to: leaf) == .written ? .written : .unchanged
                }
                report.records.append(FileRecord(name: file.name, format: file.format, width: file.width, height: file.height,
                                                 frames: file.frames, size: file.bytes.count, sha256: SHA256.hex(file.bytes), status: status))
            }
        } catch {
            report.failure = (error as? CLIFailure)?.message ?? "\(error)"
        }
        return report
    }

    /// Builds and renders one spec into its files, in memory.
    func produce(_ spec: FigureSpec, report: inout FigureReport) throws -> [RenderedFile] {
        if spec.page != nil { return try producePageFigure(spec, report: &report) }
        if SweepExpansion.animatesValues(spec) { return try produceValueSweep(spec, report: &report) }
        let figure = try figureForOutput(spec, report: &report)
        let selection = try options.outputSelection()
        // The still keeps the spec's animation (a step counter shows in it too);
        // the command line's timing applies to the animation written.
        let animationSettings = animationSettings(for: figure, selection: selection)
        var files: [RenderedFile] = []
        if let still = selection.still {
            files.append(try stillFile(of: figure, named: spec.name, format: still, report: &report))
        }
        if let format = selection.animation, format is InteractivePageEncoder.Type, animationSettings != nil {
            files.append(try pageFile(spec, report: &report))
        } else if options.frames, let settings = animationSettings {
            files += try frameSequence(of: figure, settings: settings, named: spec.name, report: &report)
        } else if let format = selection.animation, let settings = animationSettings {
            let (bytes, frames) = try animation(of: figure, settings: settings, format: format, report: &report)
            files.append(RenderedFile(name: "\(spec.name).\(format.fileExtension)", format: format.formatName,
                                      width: figure.pixelWidth, height: figure.pixelHeight, frames: frames, bytes: bytes))
        }
        return files
    }

    /// The still of `figure` as the file `name.ext` in `format`, in memory.
    func stillFile(of figure: Figure, named name: String, format: StillFormat,
                   report: inout FigureReport) throws -> RenderedFile {
        book?.add(figure, named: name)
        let t0 = DispatchTime.now()
        let bytes: [UInt8]
        switch format {
        case .image(let encoder):
            let image = figure.render(font: font, threads: figureThreads)
            let t1 = DispatchTime.now()
            do { bytes = try encoder.init().encode(image) } catch { throw CLIFailure("\(error)") }
            report.renderSeconds += Timings.seconds(t0, t1)
            report.encodeSeconds += Timings.seconds(t1, .now())
        case .drawing(let encoder):
            // Drawing and encoding are one pass: the calls go straight to cairo.
            do {
                bytes = try encoder.init().encode(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight,
                                                  dpi: figure.dpi) { canvas in figure.draw(on: &canvas, font: font) }
            } catch { throw CLIFailure("\(error)") }
            report.renderSeconds += Timings.seconds(t0, .now())
        }
        return RenderedFile(name: "\(name).\(format.fileExtension)", format: format.formatName,
                            width: figure.pixelWidth, height: figure.pixelHeight, frames: 1, bytes: bytes)
    }

    /// The figure of `spec` at the command line's dpi, size and bareness.
    func figureForOutput(_ spec: FigureSpec, report: inout FigureReport) throws -> Figure {
        var figure: Figure
        if let kept = built.figure(for: spec) {
            figure = kept.figure
            report.buildSeconds += kept.seconds
        } else {
            let start = DispatchTime.now()
            do { figure = try FigureBuilder(spec: spec, threads: figureThreads).build() } catch { throw CLIFailure("\(error)") }
            report.buildSeconds += Timings.seconds(start, .now())
        }
        if let dpi = options.dpi { figure.dpi = dpi }
        if let (w, h) = try options.pixelSize() {
            figure.width = Double(w) / figure.dpi
            figure.height = Double(h) / figure.dpi
        }
        figure.bare = options.bare
        return figure
    }

    /// The figure's animation with the command line's timing: the spec's own,
    /// or — when the selection animates every figure with paths (`--gif`,
    /// `--format gif`) — the default for any figure whose paths move, at one
    /// frame per step up to `defaultFrameLimit` frames and as many steps a frame
    /// as keep it there beyond (a 10,000-step run would otherwise be 10,001
    /// frames, each stroking its path so far). Nil when there is nothing to
    /// animate or no animation format is selected.
    func animationSettings(for figure: Figure, selection: OutputSelection) -> Animation? {
        guard selection.animation != nil else { return nil }
        let everyPath = selection.animatesEveryPath && figure.lastStep > 0
        let byDefault = Animation(stepsPerFrame: max(1, (figure.lastStep + Self.defaultFrameLimit - 1) / Self.defaultFrameLimit))
        guard var settings = figure.animation ?? (everyPath ? byDefault : nil) else { return nil }
        if let fps = options.fps { settings.fps = fps }
        if let s = options.stepsPerFrame { settings.stepsPerFrame = s }
        if let h = options.hold { settings.endHold = h }
        return settings
    }

    /// Most frames of an animation the spec does not ask for: 200 steps' worth,
    /// 12 s at the default 60 ms a frame.
    static let defaultFrameLimit = 200

    /// The animation of `figure` in `format` and its frame count. Frames are
    /// made one at a time and handed to the encoder, which may ask for them twice
    /// rather than hold them (a GIF too large to keep counts its colours in a
    /// first pass); the delays, holds included, come from `FigureAnimation`.
    func animation(of figure: Figure, settings: Animation, format: any AnimationEncoder.Type,
                   report: inout FigureReport) throws -> ([UInt8], Int) {
        do {
            let t0 = DispatchTime.now()
            var encoding = 0.0
            let animation = FigureAnimation(figure: figure, font: font, settings: settings)
            var encoderSettings = try options.encoderSettings()
            encoderSettings.background = figure.theme.figureFaceColor
            let bytes = try format.encode(width: figure.pixelWidth, height: figure.pixelHeight, settings: encoderSettings,
                                          lastFrameHold: nil) { consume in
                try animation.forEachFrame(threads: figureThreads) { image, delay in
                    let t = DispatchTime.now()
                    try consume(image, delay)
                    encoding += Timings.seconds(t, .now())
                }
            }
            let total = Timings.seconds(t0, .now())
            report.encodeSeconds += encoding
            report.renderSeconds += total - encoding
            return (bytes, animation.frameCount)
        } catch let error as CLIFailure {
            throw error
        } catch {
            throw CLIFailure("\(error)")
        }
    }
}

/// Per-index result storage filled from concurrent workers.
final class ResultSlots: @unchecked Sendable {
    private var slots: [FigureReport?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: FigureReport) {
        lock.lock(); slots[i] = r; lock.unlock()
    }

    var values: [FigureReport?] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }

    /// Hands out indices 0, 1, 2… to workers, each once.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0

        func take(below count: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }
}
