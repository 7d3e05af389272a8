import Optimization
import Plot
import Raster

extension PanelBuilder {
    /// A 1-D objective drawn as a line over `x`, each run as points (x, f(x)) on it,
    /// as seed 001 draws gradient descent on y = 4x².
    func buildCurve(_ objective: Objective?, into axes: inout Axes) throws {
        guard let f = objective else { throw error("objective", "a curve panel needs an objective") }
        guard f.dimension == 1 else { throw error("objective", "a curve panel needs a function of one variable") }
        let xr = axes.xlim ?? -3...3
        if spec.x == nil { axes.xlim = nil }
        let xs = (0..<100).map { xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double($0) / 99 }
        axes.plot(xs.map { Point($0, f.value([$0])) }, style: LineStyle(), label: spec.contour == nil ? curveLabel(f) : nil)
        for (i, r) in (spec.runs ?? []).enumerated() {
            let run = try makeRun(r, index: i, objective: f)
            let style = try lineStyle(format: r.style, default: "-ro", color: r.color, lineWidth: r.lineWidth,
                                      markerSize: r.markerSize, field: "runs[\(i)]")
            // As seed 001 records them: the points before each of the `steps` updates.
            let points = zip(run.points, run.losses).prefix(max(1, r.steps)).map { Point($0[0], $1) }
            addGrowing(points, style: style, label: label(r, run, axes: &axes), to: &axes)
        }
    }

    /// A run's line, growing step by step in an animation.
    func addGrowing(_ points: [Point], style: LineStyle, label: String?, to axes: inout Axes) {
        var s = style
        if s.color == nil { s.color = axes.nextCycleColor() }
        var line = Line2D(points: points, style: s, label: label)
        line.animationRole = .growing
        axes.add(line)
    }

    /// matplotlib's label of seed 001's curve: "y = <formula>".
    private func curveLabel(_ f: Objective) -> String {
        "y = " + f.formula
    }

    /// Each run's loss against the iteration. As the seeds record it, the loss of
    /// iteration i is taken before update i, so `steps` iterations give `steps`
    /// values (`0 … steps−1`).
    func buildLoss(_ objective: Objective?, into axes: inout Axes) throws {
        guard let f = objective else { throw error("objective", "a loss panel needs an objective") }
        for (i, r) in (spec.runs ?? []).enumerated() {
            let run = try makeRun(r, index: i, objective: f)
            let losses = Array(run.losses.prefix(max(1, r.steps)))
            let style = try lineStyle(format: r.style, default: "-", color: r.color, lineWidth: r.lineWidth,
                                      markerSize: r.markerSize, field: "runs[\(i)]")
            addGrowing(losses.enumerated().map { Point(Double($0.offset), $0.element) }, style: style,
                       label: label(r, run, axes: &axes), to: &axes)
        }
    }

    /// The negative gradient field −∇f on a grid, as seed 002's `quiver`.
    func buildQuiver(_ objective: Objective?, into axes: inout Axes) throws {
        guard let f = objective, f.dimension == 2 else { throw error("objective", "a quiver panel needs a function of x and y") }
        guard let xr = axes.xlim, let yr = axes.ylim else { throw error("x", "a quiver panel needs x: [min, max] and y: [min, max]") }
        let q = spec.quiver ?? QuiverSpec(step: nil, scale: nil, colormap: nil, value: nil, limits: nil, width: nil)
        let step = q.step ?? (xr.upperBound - xr.lowerBound) / 20
        guard step > 0, (xr.upperBound - xr.lowerBound) / step <= 400, (yr.upperBound - yr.lowerBound) / step <= 400 else {
            throw error("quiver.step", "expected a positive step giving at most 400 arrows a row")
        }
        // The grid runs on past the view, as the seed's does (it covers [−5, 5]² and shows
        // [−0.5, 0.5]²): an arrow from outside that reaches into the view is drawn, cut at
        // the frame. Up to `outside` grid steps beyond each side are tried.
        let outside = 20
        let view = Rect(minX: xr.lowerBound, minY: yr.lowerBound, maxX: xr.upperBound, maxY: yr.upperBound)!
        let columns = Int(((xr.upperBound - xr.lowerBound) / step + 1e-9).rounded(.down))
        let rows = Int(((yr.upperBound - yr.lowerBound) / step + 1e-9).rounded(.down))
        var origins: [Point] = [], vectors: [Point] = []
        for i in -outside...(columns + outside) {
            for j in -outside...(rows + outside) {
                let p = Point(xr.lowerBound + Double(i) * step, yr.lowerBound + Double(j) * step)
                let g = f.gradient([p.x, p.y])
                let v = Point(-g[0], -g[1]) * (q.scale ?? 0.1)
                let inside = (0...columns).contains(i) && (0...rows).contains(j)
                guard inside || Rect.bounding([p, p + v]).map(view.intersects) == true else { continue }
                origins.append(p)
                vectors.append(v)
            }
        }
        let limits = q.limits ?? [0, 1]
        guard limits.count == 2, limits[0] < limits[1] else { throw error("quiver.limits", "expected [min, max]") }
        let cmap = try colormap(q.colormap, default: "Reds", "quiver.colormap")
        let values = [Double](repeating: q.value ?? limits[1], count: origins.count)
        var quiver = Quiver(origins: origins, vectors: vectors, values: values, colormap: cmap, limits: limits[0]...limits[1])!
        if let w = q.width {
            guard w > 0, w < 0.2 else { throw error("quiver.width", "expected a share of the plot width in (0, 0.2)") }
            quiver.width = w
        }
        axes.add(quiver)
        if spec.colorbar ?? false, let bar = Colorbar(colormap: cmap, min: limits[0], max: limits[1], label: nil) {
            axes.colorbar = ColorbarSlot(bar)
        }
    }

    /// seed 004's fitting experiment: a linear model trained by mini-batches,
    /// iteration loss or epoch loss.
    func buildTraining(into axes: inout Axes) throws {
        guard let t = spec.training else { throw error("training", "a training panel needs training: {optimizer: ...}") }
        let optimizer: OptimizerSpec
        do { optimizer = try OptimizerSpec.parse(t.optimizer) } catch { throw self.error("training.optimizer", "\(error)") }
        let samples = t.samples ?? 1000, batch = t.batchSize ?? 64, epochs = t.epochs ?? 30
        guard (1...1_000_000).contains(samples), (1...samples).contains(batch), (0...10_000).contains(epochs) else {
            throw error("training", "expected 1 ≤ batch_size ≤ samples ≤ 1000000 and epochs ≤ 10000")
        }
        let seed = UInt64(max(0, t.seed ?? 0))
        let data = RegressionDataset.seed004Fitting(samples: samples, seed: seed)
        // The book's start is Linear(2) after paddle.seed(0): W = (−4.080414, −1.3719953), b = 0.
        var start: [Double]? = nil
        if t.startWeights != nil || t.startBias != nil {
            let drawn = MiniBatchTraining(dataset: data, seed: seed).initialParameters
            let w = t.startWeights ?? Array(drawn.dropLast())
            guard w.count == data.featureCount else {
                throw error("training.start_weights", "expected \(data.featureCount) weights [w1, w2], got \(w.count)")
            }
            start = w + [t.startBias ?? 0]
        }
        let result = MiniBatchTraining(dataset: data, batchSize: batch, epochs: epochs, seed: seed,
                                       startingParameters: start).run(optimizer)
        let values: [Double]
        switch t.show ?? "iteration" {
        case "iteration": values = result.iterationLosses
        case "epoch": values = result.epochLosses
        default: throw error("training.show", "'\(t.show!)' is not iteration or epoch")
        }
        var style = LineStyle()
        style.color = try color(t.color, "training.color")
        axes.plot(values.enumerated().map { Point(Double($0.offset), $0.element) }, style: style)
        if let k = result.divergedAt { axes.title = (axes.title.map { $0 + " — " } ?? "") + "diverged at iteration \(k)" }
    }
}
