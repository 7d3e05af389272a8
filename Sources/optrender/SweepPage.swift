import Dispatch
import Encode
import Foundation
import Gallery
import Optimization
import Plot

/// The interactive page of a figure (`NAME.html`, `InteractivePage`): one cell
/// per swept value — per cell of a two-axis sweep — each the figure
/// `SweepExpansion.frames` makes for those values, its path growing frame by
/// frame exactly as `FigureAnimation` draws it for the GIF. A figure without a
/// sweep is one cell and no slider. The page's last frame of a cell is the
/// still of that cell's figure, pixel for pixel.
///
/// A spec with `page:` writes the page in place of an animation, and its still
/// is the figure at the sliders' opening values (the optimizer's own values in
/// the spec, or the nearest swept value); `--format html` or a `.html` output
/// writes the page of any figure.
extension SpecRenderer {
    /// The files of a spec with `page:`: the still at the opening values and,
    /// unless an explicit animation format other than HTML is asked for, the
    /// page (`--format gif` and `--gif` animate the opening figure instead).
    func producePageFigure(_ spec: FigureSpec, report: inout FigureReport) throws -> [RenderedFile] {
        if spec.animation != nil {
            let at = spec.positions.position(of: "animation").map { "\($0): " } ?? ""
            throw CLIFailure("\(at)animation: a figure with page: writes its page in place of an animation; "
                             + "remove animation: (page: takes fps and steps_per_frame)")
        }
        let selection = try options.outputSelection()
        let cells = try pageCells(spec)
        let opening = cells.specs[cells.opening]
        var files: [RenderedFile] = []
        if let still = selection.still {
            files.append(try stillFile(of: try figureForOutput(opening, report: &report), named: spec.name, format: still, report: &report))
        }
        guard let format = selection.animation else { return files }
        if format is InteractivePageEncoder.Type || !selection.animatesEveryPath {
            files.append(try pageFile(spec, report: &report))
        } else {
            let figure = try figureForOutput(opening, report: &report)
            if let settings = animationSettings(for: figure, selection: selection) {
                let (bytes, frames) = try animation(of: figure, settings: settings, format: format, report: &report)
                files.append(RenderedFile(name: "\(spec.name).\(format.fileExtension)", format: format.formatName,
                                          width: figure.pixelWidth, height: figure.pixelHeight, frames: frames, bytes: bytes))
            }
        }
        return files
    }

    /// The page's cells as figure specs (each without sweep, page or
    /// animation of values), and the index of the one the page opens at.
    func pageCells(_ spec: FigureSpec) throws -> (specs: [FigureSpec], opening: Int) {
        guard let sweep = spec.sweep else {
            var single = spec
            single.page = nil
            return ([single], 0)
        }
        var specs: [FigureSpec]
        do { specs = try SweepExpansion.frames(spec) } catch { throw CLIFailure("\(error)") }
        for k in specs.indices { specs[k].page = nil }
        let opening = sweep.axes.reduce(0) { $0 * $1.values.count + Self.openingIndex(of: $1, in: spec) }
        return (specs, opening)
    }

    /// The swept value nearest the one the spec's first run has (its
    /// optimizer's hyperparameter, its steps or start); 0 when it has none.
    static func openingIndex(of axis: SweepSpec.Axis, in spec: FigureSpec) -> Int {
        guard let run = spec.panels.first?.runs?.first else { return 0 }
        let current: [Double]
        switch axis.name {
        case "steps": current = [Double(run.steps)]
        case "start": current = run.start
        default:
            guard let text = (try? OptimizerSpec.parse(run.optimizer))?.hyperparameters.first(where: { $0.name == axis.name })?.value,
                  let value = Double(text) else { return 0 }
            current = [value]
        }
        func distance(_ v: [Double]) -> Double {
            v.count == current.count ? zip(v, current).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } : .infinity
        }
        return axis.values.indices.min(by: { distance(axis.values[$0]) < distance(axis.values[$1]) }) ?? 0
    }

    /// `NAME.html`: every cell's frames as patches, the sliders, the losses.
    /// Cells render in parallel (`renderPageCells`); the page is the same for
    /// any `--jobs`.
    func pageFile(_ spec: FigureSpec, report: inout FigureReport) throws -> RenderedFile {
        let cellSpecs = try pageCells(spec).specs
        let settings = try pageAnimation(spec)
        guard let firstSpec = cellSpecs.first else { throw CLIFailure("\(spec.name): the page has no cells") }
        do {
            let first = try figureForOutput(firstSpec, report: &report)
            var page = InteractivePage(width: first.pixelWidth, height: first.pixelHeight,
                                       title: spec.suptitle ?? spec.panels.first?.title ?? spec.name)
            page.caption = spec.caption ?? ""
            page.frameMilliseconds = Int((settings.frameTime * 1000).rounded())
            page.sliders = (spec.sweep?.axes ?? []).map { axis in
                InteractivePage.Slider(name: axis.name, labels: axis.labels, initial: Self.openingIndex(of: axis, in: spec))
            }
            var frames = 0
            for cell in try renderPageCells(cellSpecs, first: first, page: page, settings: settings) {
                try page.add(cell.finished, info: cell.info)
                frames += cell.frames
                report.buildSeconds += cell.buildSeconds
                report.renderSeconds += cell.renderSeconds
            }
            let t = DispatchTime.now()
            let bytes = try page.html()
            report.encodeSeconds += Timings.seconds(t, .now())
            return RenderedFile(name: "\(spec.name).html", format: InteractivePageEncoder.formatName,
                                width: page.width, height: page.height, frames: frames, bytes: bytes)
        } catch let error as CLIFailure {
            throw error
        } catch {
            throw CLIFailure("\(spec.name): \(error)")
        }
    }

    /// How the page plays: the figure's own animation for a figure with
    /// neither sweep nor `page:` (`--format html`; a sweep's `animation:` times
    /// its values, not its steps), else the default, then `page:`'s `fps` and
    /// `steps_per_frame`, then the command line's.
    func pageAnimation(_ spec: FigureSpec) throws -> Animation {
        var settings = Animation()
        if spec.sweep == nil, spec.page == nil, let figure = try? FigureBuilder(spec: spec).build(), let own = figure.animation { settings = own }
        func fail(_ field: String, _ problem: String) -> CLIFailure {
            let at = spec.positions.position(of: field).map { "\($0): " } ?? ""
            return CLIFailure("\(at)\(field): \(problem)")
        }
        if let fps = spec.page?.fps {
            guard fps > 0, fps <= 50 else { throw fail("page.fps", "expected a value in (0, 50] frames per second") }
            settings.fps = fps
        }
        if let s = spec.page?.stepsPerFrame {
            guard s >= 1 else { throw fail("page.steps_per_frame", "expected at least 1") }
            settings.stepsPerFrame = s
        }
        if let fps = options.fps { settings.fps = fps }
        if let s = options.stepsPerFrame { settings.stepsPerFrame = s }
        return settings
    }

    /// What the page prints for one cell: each run's loss at every frame's
    /// step and its final loss (or the step it diverged at), from the same
    /// `Run` the figure draws.
    static func cellInfo(_ spec: FigureSpec, steps: [Int]) -> InteractivePage.CellInfo {
        var runs: [InteractivePage.CellInfo.RunInfo] = []
        for panel in spec.panels {
            guard let text = panel.objective, let f = try? Objective.resolve(text) else { continue }
            for run in panel.runs ?? [] {
                guard let optimizer = try? OptimizerSpec.parse(run.optimizer), run.start.count == f.dimension else { continue }
                let trace = Run(objective: f, optimizer: optimizer, start: run.start, steps: run.steps)
                let losses = steps.map { s in s < trace.losses.count ? loss(trace.losses[s]) : "diverged" }
                let final = trace.divergedAt.map { "diverged at step \($0)" } ?? loss(trace.losses.last ?? .nan)
                runs.append(.init(label: run.label ?? run.optimizer, losses: losses, final: final))
            }
        }
        return .init(runs: runs, steps: steps)
    }

    /// A loss as the page prints it: four significant digits.
    static func loss(_ x: Double) -> String { String(format: "%.4g", x) }
}
