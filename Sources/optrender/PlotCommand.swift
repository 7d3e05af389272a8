import ArgumentParser
import Encode
import Foundation
import Gallery
import Optimization

/// `optrender plot`: a figure from one command line — an objective, one or more
/// optimizers from one start, the output file (its extension picks the format):
///
///     optrender plot --objective "x^2 + y^2 + y^3 + x*y" --optimizer "SGD(lr=0.01)" \
///         --optimizer "Adam(lr=0.1)" --start 2,3 --steps 150 --view -3:3,-3:3 --out saddle.png
///
/// Negative numbers are values (`--start -1.8,1.2 --view -2:2,-1.5:1.5`). Without
/// `--view` the view holds every path. `--print-spec` prints the equivalent spec.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Plot optimizers on an objective from one command line.")

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("A built-in objective (see --list-objectives) or an expression in x and y.", valueName: "expr|name"))
    var objective: String

    @Option(name: .long, parsing: .unconditionalSingleValue,
            help: ArgumentHelp("An optimizer, PyTorch style ('Adam(lr=0.1)'); repeat for several runs.", valueName: "spec"))
    var optimizer: [String] = []

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The start point: 2,3 or -1.8,1.2 (1-D: 2).", valueName: "x[,y]"))
    var start: String

    @Option(name: .long, parsing: .unconditional, help: "Optimizer steps per run.")
    var steps: Int = 50

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("View limits XMIN:XMAX,YMIN:YMAX (1-D: XMIN:XMAX); default: every path with a margin.", valueName: "x0:x1,y0:y1"))
    var view: String?

    @Option(name: .long, parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Small multiples over a hyperparameter, steps or start: lr=0.01:0.5:6, lr=log:0.001:1:4, gamma=0.1,0.5,0.9, start=-5,-2;2,2. Twice for a grid.", valueName: "name=values"))
    var sweep: [String] = []

    @Flag(name: .long, help: "A 3-D surface with the paths on it instead of filled contours.")
    var surface = false

    @Option(name: .long, help: "The plot's title (default: the objective's formula).")
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The output file; its extension picks the format (\(OutputFormat.all.map(\.fileExtension).joined(separator: ", "))).", valueName: "file"))
    var out: String = "plot.png"

    @Option(name: .long, help: ArgumentHelp(
        "The animation format's quality setting (\(OutputFormat.qualityFormats)). GIF has none.", valueName: "N"))
    var quality: Double?

    @Flag(name: .long, help: "With an animation --out (e.g. adam.gif): write its frames as STEM/STEM-000.png… plus STEM/STEM.tex (a LaTeX \\animategraphics line for beamer) instead of the file.")
    var frames = false

    @Flag(name: .long, help: "Print the equivalent figure spec (YAML) instead of rendering.")
    var printSpec = false

    @Option(name: .long, help: "A TrueType/OpenType font file to use instead of DejaVu Sans.")
    var font: String?

    func validate() throws {
        if optimizer.isEmpty { throw ValidationError("give at least one --optimizer, e.g. --optimizer 'SGD(lr=0.1)'") }
        guard (0...Trace.maximumSteps).contains(steps) else { throw ValidationError("--steps must be 0…\(Trace.maximumSteps)") }
        do { _ = try request().spec() } catch let e as SpecError { throw ValidationError(e.message) }
        if !printSpec {
            let chosen = try format()
            if frames && !chosen.isAnimation { throw ValidationError("--frames writes an animation's frames; give --out an animation extension such as .gif") }
            if let quality {
                guard case .animation(let encoder) = chosen else {
                    throw ValidationError("--quality sets an animation's quality, but --out '\(out)' is a still; use .webp or .mp4")
                }
                if frames { throw ValidationError("--quality does not apply to --frames (the frames are lossless PNGs); leave one out") }
                if let problem = encoder.problem(with: EncoderSettings(quality: quality)) { throw ValidationError("--quality: \(problem)") }
            }
        }
    }

    func run() throws {
        let spec: FigureSpec
        do { spec = try request().spec() } catch { throw ValidationError("\(error)") }
        if printSpec {
            do { print(try SpecWriter.yaml(spec), terminator: "") } catch { throw CLIFailure("\(error)") }
            return
        }
        var built = BuiltFigures()
        let (checked, problems) = FigureCheck.validated([.success(spec)],
                                                        threads: ProcessInfo.processInfo.activeProcessorCount,
                                                        keeping: &built)
        if let p = problems.first { throw ValidationError(p) }
        let url = URL(fileURLWithPath: out)
        let folder = url.deletingLastPathComponent().path
        var args = ["--out", folder, "--format", try format().name]
        if let font { args += ["--font", font] }
        if let quality { args += ["--quality", "\(quality)"] }
        if frames { args += ["--frames"] }
        let options = try RenderOptions.parse(args)
        var renderer = try SpecRenderer(options: options)
        renderer.built = built
        try renderer.renderAll(checked, to: try OutputFolder(path: folder))
    }

    private func format() throws -> OutputFormat {
        do { return try OutputFormat.forFile(out) } catch { throw ValidationError("--out: \(error)") }
    }

    /// The request from the options; usage errors name the option.
    func request() throws -> PlotRequest {
        guard let point = NumberText.parsePoint(start) else {
            throw ValidationError("--start: expected comma-separated finite numbers such as 2,3 or -1.8,1.2, got \"\(start)\"")
        }
        let stem = URL(fileURLWithPath: out).deletingPathExtension().lastPathComponent
        var request = PlotRequest(name: stem, objective: objective, optimizers: optimizer, start: point, steps: steps,
                                  view: try view.map(Self.parseView), surface: surface, title: title)
        request.sweeps = sweep
        request.animatesSweep = (try? OutputFormat.forFile(out))?.isAnimation ?? false
        return request
    }

    /// `-3:3,-2:2` → [-3, 3, -2, 2]; `-3:3` → [-3, 3].
    static func parseView(_ text: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var out: [Double] = []
        for part in parts {
            let ends = part.split(separator: ":", omittingEmptySubsequences: false)
            guard ends.count == 2, let lo = Double(ends[0].trimmingCharacters(in: .whitespaces)),
                  let hi = Double(ends[1].trimmingCharacters(in: .whitespaces)), lo.isFinite, hi.isFinite, lo < hi else {
                throw ValidationError("--view: expected XMIN:XMAX,YMIN:YMAX with each min < max, such as -3:3,-2:2, got \"\(text)\"")
            }
            out += [lo, hi]
        }
        guard out.count == 2 || out.count == 4 else { throw ValidationError("--view: expected one or two ranges, got \"\(text)\"") }
        return out
    }
}
