import Dispatch
import Encode
import Foundation
import Gallery
import Plot
import Raster

/// The cells of an interactive page rendered on `--jobs` threads at once (by
/// default every core), then handed back in cell order: the page is the same,
/// byte for byte, for any job count.
///
/// Cells are independent but for one thing: every cell's first frame is
/// diffed against the page's base, the first frame of the first cell. The
/// first cell's worker publishes that frame as soon as it has made it
/// (`BaseLatch`); the other workers build their figures and draw their first
/// frames meanwhile, and wait only before diffing. Cells are taken in order,
/// so the first cell is always taken first and never waits: no deadlock, even
/// with one worker.
extension SpecRenderer {
    /// One rendered cell: the finished patches, what the page prints for it,
    /// its frame count and the seconds it took.
    struct PageCell: Sendable {
        var finished: (cell: InteractivePage.Cell, base: Image?)
        var info: InteractivePage.CellInfo
        var frames: Int
        var buildSeconds = 0.0
        var renderSeconds = 0.0
    }

    /// Renders every cell of `specs` (the first one's figure is `first`, already
    /// built) for `page` with `settings`, in parallel, and returns them in order.
    ///
    /// - Throws: the error of the first cell (in cell order) that failed.
    func renderPageCells(_ specs: [FigureSpec], first: Figure, page: InteractivePage,
                         settings: Animation) throws -> [PageCell] {
        let slots = Slots<Result<PageCell, any Error>>(count: specs.count)
        let next = ResultSlots.Counter()
        let latch = BaseLatch()
        let shared = specs.count > 1 && Self.slidersKeepStaticLayer(page)
            ? FigureAnimation.StaticLayer(figure: first, font: font) : nil
        let workers = min(options.jobCount, specs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let k = next.take(below: specs.count) {
                if latch.failed { slots.set(k, .failure(SkippedCell())); continue }
                let result = Result { try renderPageCell(k, spec: specs[k], first: first, page: page,
                                                         settings: settings, shared: shared, latch: latch) }
                if case .failure = result { latch.fail() }
                slots.set(k, result)
            }
        }
        // The first failure in cell order is the real one: later cells may
        // only have been skipped because of it.
        return try slots.values.map { try $0!.get() }
    }

    /// Cell `k`: its figure, every frame diffed into patches, its losses.
    private func renderPageCell(_ k: Int, spec: FigureSpec, first: Figure, page: InteractivePage,
                                settings: Animation, shared: FigureAnimation.StaticLayer?,
                                latch: BaseLatch) throws -> PageCell {
        var report = FigureReport(name: spec.name)
        let figure = k == 0 ? first : try figureForOutput(spec, report: &report)
        let t0 = DispatchTime.now()
        let animation = FigureAnimation(figure: figure, font: font, settings: settings, sharedStaticLayer: shared)
        var builder: InteractivePage.CellBuilder? = k == 0 ? page.cellBuilder() : nil
        try animation.forEachFrame { image, _ in
            if builder == nil {
                guard let base = latch.wait() else { throw SkippedCell() }
                builder = page.cellBuilder(base: base)
            }
            try builder!.add(image)
            if k == 0, let base = builder!.base { latch.publish(base) }
        }
        guard let builder else { throw CLIFailure("\(spec.name): a page cell has no frames") }
        let finished = try builder.finish()
        let info = Self.cellInfo(spec, steps: animation.frameSteps)
        return PageCell(finished: finished, info: info, frames: animation.frameCount,
                        buildSeconds: report.buildSeconds, renderSeconds: Timings.seconds(t0, .now()))
    }

    /// Whether the cells of a page can share one static layer (contours,
    /// colorbar, the first run's start marker): its sliders change only
    /// optimizer settings or step counts, so only the paths and the panel
    /// titles differ between cells, never the view (a sweep has one view for
    /// all its cells) nor the start. `FigureAnimation.StaticLayer` checks the
    /// titles are drawn above the paths and the plot areas agree.
    static func slidersKeepStaticLayer(_ page: InteractivePage) -> Bool {
        !page.sliders.isEmpty && page.sliders.allSatisfy { $0.name != "start" }
    }

    /// A cell not rendered because an earlier one failed.
    struct SkippedCell: Error {}
}

/// The page's base, once the first cell has made it; or failure, when the
/// first cell failed before (every waiter then gets nil).
final class BaseLatch: @unchecked Sendable {
    private let condition = NSCondition()
    private var base: Image?
    private var hasFailed = false

    /// Whether a cell failed.
    var failed: Bool {
        condition.lock(); defer { condition.unlock() }
        return hasFailed
    }

    /// Makes `image` the base (the first call only) and wakes every waiter.
    func publish(_ image: Image) {
        condition.lock(); defer { condition.unlock() }
        guard base == nil else { return }
        base = image
        condition.broadcast()
    }

    /// Records a failure and wakes every waiter.
    func fail() {
        condition.lock(); defer { condition.unlock() }
        hasFailed = true
        condition.broadcast()
    }

    /// The base, waiting for it; nil when a cell failed first.
    func wait() -> Image? {
        condition.lock(); defer { condition.unlock() }
        while base == nil && !hasFailed { condition.wait() }
        return base
    }
}

/// Values written by concurrent workers at their own indices, read after all finish.
final class Slots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Value) {
        lock.lock(); slots[i] = value; lock.unlock()
    }

    var values: [Value?] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}
