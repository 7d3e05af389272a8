import ArgumentParser
import Encode
import Foundation
import Gallery

/// Options shared by `--all` and `render`: output folder, size, bare plot areas, animations.
struct RenderOptions: ParsableArguments {
    @Option(name: .long, help: "Output folder (must exist and be writable).")
    var out: String = "."

    @Option(name: .long, help: "Output size in pixels, WIDTHxHEIGHT (e.g. 1600x900); the dpi stays, so text keeps its size.")
    var size: String?

    @Option(name: .long, help: "Dots per inch (default: the spec's, usually 100); 200 renders the same figure twice as sharp.")
    var dpi: Double?

    @Flag(name: .long, help: "Render only the plot area (no axes, ticks, labels, legend, colorbar, margins).")
    var bare = false

    @Option(name: .long, help: ArgumentHelp(
        "Which files to write: png = stills only; gif, webp or mp4 = animations only (of every figure with optimizer paths); "
            + "html = an interactive page (sliders for a sweep, play and scrub); "
            + "pdf, svg = the stills as vectors (a figure that animates: its last frame). "
            + "Default: a PNG always, plus a GIF when the spec asks for an animation or --gif is given.",
        valueName: OutputFormat.all.map(\.name).joined(separator: "|")))
    var format: String?

    @Flag(name: .long, help: "Also write <name>.gif for every figure with optimizer paths, not only those whose spec asks for one.")
    var gif = false

    @Flag(name: .long, help: "Write only the GIFs, no PNGs.")
    var gifOnly = false

    @Flag(name: .long, help: "Write only the PNGs, even for specs that ask for an animation.")
    var noGif = false

    @Option(name: .long, help: ArgumentHelp(
        "The animation format's quality setting (\(OutputFormat.qualityFormats)). GIF has none.", valueName: "N"))
    var quality: Double?

    @Flag(name: .long, help: "Write each animation as numbered PNG frames plus a LaTeX \\animategraphics line for beamer (NAME/NAME-000.png…, NAME/NAME.tex, NAME/NAME.timeline) instead of one animation file.")
    var frames = false

    @Option(name: .long, help: "Animation frames per second (default: the spec's, else 16.7 = 60 ms a frame).")
    var fps: Double?

    @Option(name: .long, help: "Optimizer steps per animation frame (default: the spec's, else 1).")
    var stepsPerFrame: Int?

    @Option(name: .long, help: "Seconds the last frame is held (default: the spec's, else 1.5).")
    var hold: Double?

    @Option(name: .long, help: "A TrueType/OpenType font file to use instead of DejaVu Sans.")
    var font: String?

    @Flag(name: .long, help: "Render in memory and compare with the files in --out; write nothing. Lists each stale, missing or extra file; exit 1 if any differs.")
    var check = false

    @Option(name: .long, help: "Threads (default: the number of cores): figures rendered at once, and the frames of an animation when fewer figures than N render. The files are the same for every N.")
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Render only the i-th of n disjoint parts of the figures (1-based); the n shards together render everything.", valueName: "i/n"))
    var shard: String?

    @Flag(name: .long, help: "Print only errors (no progress, no summary).")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Also collect every still rendered into one PDF, a page per figure in catalog order (a handout).", valueName: "file.pdf"))
    var pdfBook: String?

    @Option(name: .long, help: .hidden)
    var timings: String?

    /// `--jobs`, or the number of cores.
    var jobCount: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `--shard i/n` as (i, n), 1 ≤ i ≤ n, validated; nil without the option.
    func shardPart() throws -> (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, n <= 10_000, (1...n).contains(i) else {
            throw ValidationError("--shard '\(shard)' must be i/n with 1 ≤ i ≤ n, e.g. 2/4")
        }
        return (i, n)
    }

    /// The folder of `--out`: it must exist, and be writable unless `--check`.
    func outputFolder() throws -> OutputFolder {
        try OutputFolder(path: out, writable: !check)
    }

    /// Width and height from `--size`, validated.
    func pixelSize() throws -> (Int, Int)? {
        guard let size else { return nil }
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (16...10_000).contains(parts[0]), (16...10_000).contains(parts[1]) else {
            throw ValidationError("--size '\(size)' must be WIDTHxHEIGHT in pixels, each 16…10000, e.g. 1000x600")
        }
        return (parts[0], parts[1])
    }

    /// The files to write, from `--format`, `--gif`, `--gif-only` and `--no-gif`
    /// (the flags are the older spelling: `--gif-only` is `--format gif`,
    /// `--no-gif` is `--format png`). Throws `ValidationError` for an unknown
    /// format name or flags that contradict each other or `--format`.
    func outputSelection() throws -> OutputSelection {
        if noGif && (gif || gifOnly) { throw ValidationError("--no-gif contradicts --gif and --gif-only") }
        guard let format else {
            var selection = OutputSelection.standard
            if gifOnly { selection.still = nil }
            if noGif { selection.animation = nil }
            selection.animatesEveryPath = gif || gifOnly
            return selection
        }
        let chosen: OutputFormat
        do { chosen = try OutputFormat.named(format) } catch { throw ValidationError("--format: \(error)") }
        if chosen.isAnimation ? noGif : (gif || gifOnly) {
            throw ValidationError("--format \(chosen.name) contradicts --\(noGif ? "no-gif" : gifOnly ? "gif-only" : "gif")")
        }
        return OutputSelection(only: chosen)
    }

    /// The animation encoder's settings from `--quality`, checked against the
    /// selected animation format (`EncoderSettings.background` is the figure's,
    /// set per figure). Throws `ValidationError` when the format has no such
    /// setting, the value is out of its range, or nothing animated uses it.
    func encoderSettings() throws -> EncoderSettings {
        let settings = EncoderSettings(quality: quality)
        guard quality != nil else { return settings }
        if frames { throw ValidationError("--quality does not apply to --frames (the frames are lossless PNGs); leave one out") }
        guard let format = try outputSelection().animation else {
            throw ValidationError("--quality sets an animation format's quality, but no animation is written; add --format \(OutputFormat.all.filter { if case .animation(let encoder) = $0 { encoder.qualityScale != nil } else { false } }.map(\.name).joined(separator: "|"))")
        }
        if let problem = format.problem(with: settings) { throw ValidationError("--quality: \(problem)") }
        return settings
    }

    func validate() throws {
        _ = try pixelSize()
        _ = try outputSelection()
        _ = try encoderSettings()
        if frames, try outputSelection().animation == nil {
            throw ValidationError("--frames writes animations as frames, but \(noGif ? "--no-gif" : "--format \(format ?? "png")") writes no animation; leave one out")
        }
        if let dpi, !(dpi >= 10 && dpi <= 1000) { throw ValidationError("--dpi must be 10…1000") }
        if let fps, !(fps > 0 && fps <= 50) { throw ValidationError("--fps must be in (0, 50] (GIF delays are hundredths of a second)") }
        if let s = stepsPerFrame, s < 1 { throw ValidationError("--steps-per-frame must be at least 1") }
        if let h = hold, !(h >= 0 && h <= 60) { throw ValidationError("--hold must be 0…60 seconds") }
        if let j = jobs, !(1...256).contains(j) { throw ValidationError("--jobs must be 1…256") }
        _ = try shardPart()
        if let book = pdfBook {
            guard book.lowercased().hasSuffix(".pdf") else { throw ValidationError("--pdf-book '\(book)' must name a .pdf file") }
            if check { throw ValidationError("--pdf-book writes a file; it cannot be combined with --check") }
            if try outputSelection().still == nil {
                throw ValidationError("--pdf-book collects the stills, but --format \(format ?? "gif") writes none")
            }
        }
    }
}
