#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#else
import Foundation
#endif

/// Mini-batch training of a softmax classifier with cross-entropy loss and any optimizer: the
/// model of seed 004's batch-size experiment (7.2), where the book trains LeNet on MNIST with
/// `paddle.optimizer.SGD` and `F.cross_entropy` through its `RunnerV3`.
///
/// The network is softmax regression (`hiddenUnits` 0) or a two-layer perceptron: a row
/// x ∈ ℝᴰ goes through H hidden ReLU units and C output logits,
///
///     h = max(0, x·W₁ + b₁),   z = h·W₂ + b₂        (W₁ is D × H, W₂ is H × C),
///
/// or z = x·W + b without the hidden layer. Weights are stored [in, out], as Paddle's
/// `nn.Linear` stores them. For a batch S of K rows the loss is the mean cross-entropy
/// (`F.cross_entropy`, reduction 'mean'):
///
///     L = (1/K) Σ_{k∈S} [ log Σ_c exp(z_kc) − z_{k,y_k} ],
///
/// with the log-sum-exp shifted by max_c z_kc so that no exponential overflows. Backpropagation,
/// with δ = (softmax(z_k) − onehot(y_k)) / K at the logits: ∂W₂ = Σ_k h_kᵀ δ_k, ∂b₂ = Σ_k δ_k;
/// then δ' = (δ·W₂ᵀ) ⊙ [a > 0] at the hidden pre-activations a, and ∂W₁ = Σ_k x_kᵀ δ'_k,
/// ∂b₁ = Σ_k δ'_k (the ReLU's derivative is taken as 0 at a = 0, as Paddle and PyTorch do).
/// Everything is float64, summed in a fixed order: the same numbers on every run.
///
/// As the book's `RunnerV3.train`:
/// * the data are walked **in order, not shuffled** (its `DataLoader` has no `shuffle=True`),
///   in batches of `batchSize` rows, the last one shorter when the size does not divide N
///   (`drop_last=False`);
/// * each iteration's loss is the batch loss before the step;
/// * the epoch loss is `total_loss / len(train_loader)`: the mean of **that epoch's** batch
///   losses, each batch counting once whatever its size (``ClassificationTrainingResult/epochLosses``).
///
/// The parameter vector is θ = [W₁, b₁, W₂, b₂] (or [W, b]), each weight matrix row-major
/// [in, out]. The weights start from Paddle's default for `nn.Linear`, Xavier-uniform: uniform
/// in [−√(6/(in + out)), √(6/(in + out))), drawn layer by layer in storage order from one
/// ``SeededGenerator`` with `seed`; the biases start at 0 (Paddle's default). So every run with
/// the same seed starts from the same network, which makes a comparison of batch sizes a
/// controlled one. The optimizer is made with one parameter block per tensor.
///
/// Defaults: no hidden layer, batch size 64, 30 epochs, seed 0.
public struct SoftmaxClassification: Sendable {
    public var dataset: ClassificationDataset
    /// H, the hidden ReLU units; 0 for softmax regression.
    public var hiddenUnits: Int
    public var batchSize: Int
    public var epochs: Int
    public var seed: UInt64
    /// Explicit starting parameters θ (``parameterCount`` values), overriding the seeded draw.
    public var startingParameters: [Double]?

    /// `hiddenUnits` below 0 is raised to 0, `batchSize` below 1 to 1 and `epochs` below 0 to 0.
    public init(dataset: ClassificationDataset, hiddenUnits: Int = 0, batchSize: Int = 64, epochs: Int = 30,
                seed: UInt64 = 0, startingParameters: [Double]? = nil) {
        self.dataset = dataset
        self.hiddenUnits = max(0, hiddenUnits)
        self.batchSize = max(1, batchSize)
        self.epochs = max(0, epochs)
        self.seed = seed
        self.startingParameters = startingParameters
    }

    /// The layer widths: [D, H, C], or [D, C] without a hidden layer.
    public var layerSizes: [Int] {
        [dataset.featureCount] + (hiddenUnits > 0 ? [hiddenUnits] : []) + [dataset.classCount]
    }

    /// The sizes of the tensors in θ: [in·out, out] per layer.
    public var parameterBlocks: [Int] {
        let s = layerSizes
        return (1..<s.count).flatMap { [s[$0 - 1] * s[$0], s[$0]] }
    }

    /// The length of θ.
    public var parameterCount: Int { parameterBlocks.reduce(0, +) }

    /// ``startingParameters`` if set (a precondition checks its length), else Xavier-uniform
    /// weights from `seed` and zero biases (see the type's docs).
    public var initialParameters: [Double] {
        if let startingParameters {
            precondition(startingParameters.count == parameterCount, "need \(parameterCount) starting parameters")
            return startingParameters
        }
        var generator = SeededGenerator(seed: seed)
        let s = layerSizes
        var theta: [Double] = []
        theta.reserveCapacity(parameterCount)
        for l in 1..<s.count {
            let bound = (6 / Double(s[l - 1] + s[l])).squareRoot()
            for _ in 0..<(s[l - 1] * s[l]) { theta.append(bound * (2 * generator.uniform() - 1)) }
            theta += [Double](repeating: 0, count: s[l])
        }
        return theta
    }

    /// Trains from ``initialParameters`` with a fresh optimizer made from `spec`. Stops early,
    /// recording the iteration in ``ClassificationTrainingResult/divergedAt``, when a loss or a
    /// parameter becomes non-finite or exceeds 1e150 in magnitude; the epoch cut short then has
    /// no epoch loss.
    public func run(_ spec: OptimizerSpec) -> ClassificationTrainingResult {
        var optimizer = spec.makeOptimizer(parameterBlocks: parameterBlocks)
        var theta = initialParameters
        var iterationLosses: [Double] = []
        var epochLosses: [Double] = []
        var diverged: Int? = nil
        let nonzero = NonzeroFeatures(dataset, rows: 0..<dataset.count)

        training: for _ in 0..<epochs {
            var total = 0.0, batches = 0
            for start in stride(from: 0, to: dataset.count, by: batchSize) {
                let rows = start..<min(start + batchSize, dataset.count)
                let (loss, gradient) = lossAndGradient(theta, rows: rows, nonzero: nonzero)
                if !Self.isSane(loss) { diverged = iterationLosses.count; break training }
                iterationLosses.append(loss)
                total += loss
                batches += 1
                let current = theta
                optimizer.step(&theta) { p in
                    p == current ? (loss, gradient) : lossAndGradient(p, rows: rows, nonzero: nonzero)
                }
                if !theta.allSatisfy(Self.isSane) { diverged = iterationLosses.count; break training }
            }
            epochLosses.append(total / Double(max(1, batches)))     // RunnerV3: total_loss / len(loader)
        }
        return ClassificationTrainingResult(optimizer: spec.description, batchSize: batchSize,
                                            iterationLosses: iterationLosses, epochLosses: epochLosses,
                                            finalParameters: theta, divergedAt: diverged)
    }

    /// The mean cross-entropy over `rows` at θ and its gradient (see the type's docs).
    /// `rows` must lie inside the dataset and not be empty (a programming error otherwise).
    public func lossAndGradient(_ theta: [Double], rows: Range<Int>) -> (loss: Double, gradient: [Double]) {
        precondition(!rows.isEmpty && rows.lowerBound >= 0 && rows.upperBound <= dataset.count, "bad batch rows")
        return lossAndGradient(theta, rows: rows, nonzero: NonzeroFeatures(dataset, rows: rows))
    }

    /// ``lossAndGradient(_:rows:)`` with the rows' nonzero features listed beforehand (``run(_:)``
    /// lists the whole dataset once). `nonzero` must cover `rows`.
    ///
    /// Speed without changing a bit (DESIGN.md, "Hot loops"): every sum is formed from the same
    /// terms in the same order as the plain triple loop over rows, inputs and outputs would form
    /// it — an output starts at its bias and gains the nonzero inputs' terms in ascending input
    /// order; a gradient element gains one term per row, rows ascending — and no multiply-add is
    /// fused. What changed is only how the loops walk: raw pointers with unchecked index
    /// arithmetic; zero inputs skipped by index lists (``NonzeroFeatures`` for x, built once; the
    /// active ReLUs, listed during the forward pass) instead of an unpredictable branch per
    /// input; a layer's outputs, and a row of the first layer's weight gradient, summed 8 at a
    /// time in registers (``accumulateRows(into:base:width:terms:_:)``). For that last one the
    /// first layer's δ of every row is kept until the end of the batch (or of its part of 256
    /// rows), and ∂W₁ is then formed input by input over the rows whose input is nonzero — the
    /// terms each element used to receive row by row, in the same row order.
    func lossAndGradient(_ theta: [Double], rows: Range<Int>, nonzero: NonzeroFeatures) -> (loss: Double, gradient: [Double]) {
        precondition(!rows.isEmpty && rows.lowerBound >= 0 && rows.upperBound <= dataset.count, "bad batch rows")
        precondition(nonzero.covers(rows), "the nonzero features do not cover the rows")
        precondition(theta.count == parameterCount, "θ needs \(parameterCount) values")
        let sizes = layerSizes, layers = sizes.count - 1, c = dataset.classCount, d = dataset.featureCount
        let h = sizes[1]                                       // the first layer's outputs
        // Where each layer's W and b start in θ.
        var offsets: [Int] = []
        var o = 0
        for l in 0..<layers { offsets.append(o); o += sizes[l] * sizes[l + 1] + sizes[l + 1] }
        let invK = 1 / Double(rows.count)
        var gradient = [Double](repeating: 0, count: parameterCount)
        // Layer l ≥ 1's input lives at act[actOffsets[l] ..< actOffsets[l] + sizes[l]] (layer 0's
        // is the row of x itself); the last slice holds the logits. The indices of a hidden
        // layer's nonzero units are listed at active[actOffsets[l] ...], activeCount[l] of them.
        // δ and the δ passed down share two scratch rows; the first layer's δ of the part's
        // row first + r is kept at firstDeltas[r·h ..< (r + 1)·h]. Parts of 256 rows bound that
        // memory (a full batch of 60,000 MNIST images would hold 60,000 δ rows) and change no
        // sum: an element of ∂W₁ takes the rows of one part, then those of the next.
        var actOffsets: [Int] = [0]
        for n in sizes { actOffsets.append(actOffsets.last! + n) }
        let widest = sizes.max()!
        let act = UnsafeMutablePointer<Double>.allocate(capacity: actOffsets.last!)
        let active = UnsafeMutablePointer<Int>.allocate(capacity: actOffsets.last!)
        let activeCount = UnsafeMutablePointer<Int>.allocate(capacity: layers + 1)
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 2 * widest)
        let chunk = 256
        let firstDeltas = UnsafeMutablePointer<Double>.allocate(capacity: Swift.min(rows.count, chunk) * h)
        defer {
            act.deallocate(); active.deallocate(); activeCount.deallocate(); scratch.deallocate()
            firstDeltas.deallocate()
        }
        var sum = 0.0
        theta.withUnsafeBufferPointer { tb in
        gradient.withUnsafeMutableBufferPointer { gb in
        dataset.features.withUnsafeBufferPointer { xb in
        dataset.labels.withUnsafeBufferPointer { yb in
        nonzero.starts.withUnsafeBufferPointer { starts in
        nonzero.columns.withUnsafeBufferPointer { cb in
        nonzero.columnStarts.withUnsafeBufferPointer { columnStarts in
        nonzero.rows.withUnsafeBufferPointer { columnRows in
            let t = tb.baseAddress!, g = gb.baseAddress!, xs = xb.baseAddress!
            let columns = cb.baseAddress ?? UnsafePointer(active)     // no columns: never read
            /// Layer l's input for row k, and the indices of its nonzero entries.
            func input(_ l: Int, row k: Int) -> (values: UnsafePointer<Double>, nonzero: UnsafePointer<Int>, count: Int) {
                if l == 0 {
                    let r = k &- nonzero.firstRow
                    return (xs + k &* d, columns + starts[r], starts[r &+ 1] &- starts[r])
                }
                return (UnsafePointer(act + actOffsets[l]), UnsafePointer(active + actOffsets[l]), activeCount[l])
            }
            // The batch in parts of at most `chunk` rows: the first layer's δ is kept per part.
            for partStart in stride(from: rows.lowerBound, to: rows.upperBound, by: chunk) {
                let part = partStart..<Swift.min(partStart &+ chunk, rows.upperBound)
                for k in part {
                    // Forward: out = in·W + b, ReLU on hidden layers. Rows of W belong to inputs, so a
                    // zero input (a blank pixel, a silent ReLU) skips its whole row.
                    for l in 0..<layers {
                        let nOut = sizes[l &+ 1], w = t + offsets[l], bias = w + sizes[l] &* nOut
                        let (x, list, count) = input(l, row: k)
                        let out = act + actOffsets[l &+ 1]
                        accumulateRows(into: out, base: bias, width: nOut, terms: count) { n in
                            let i = list[n]
                            return (x[i], w + i &* nOut)
                        }
                        if l < layers &- 1 {
                            let next = active + actOffsets[l &+ 1]
                            var m = 0
                            for j in 0..<nOut {
                                if out[j] < 0 { out[j] = 0 }
                                next[m] = j
                                m &+= out[j] != 0 ? 1 : 0
                            }
                            activeCount[l &+ 1] = m
                        }
                    }
                    // log Σ exp z = m + log Σ exp(z − m), m = max z
                    let z = act + actOffsets[layers], y = yb[k]
                    var zmax = -Double.infinity
                    for i in 0..<c { zmax = Swift.max(zmax, z[i]) }
                    var partition = 0.0
                    for i in 0..<c { partition += exp(z[i] - zmax) }
                    let lse = zmax + log(partition)
                    sum += lse - z[y]
                    var delta = scratch, below = scratch + widest        // the two halves of scratch
                    for i in 0..<c { delta[i] = (exp(z[i] - lse) - (i == y ? 1 : 0)) * invK }
                    // Backward, last layer first, down to the second: ∂W += inᵀ·δ, ∂b += δ,
                    // δ_in = (δ·Wᵀ) ⊙ [in > 0]. An input that is 0 adds nothing to ∂W, and passes
                    // δ_in = 0 down (ReLU′ = 0 at and below 0).
                    for l in stride(from: layers &- 1, through: 1, by: -1) {
                        let nIn = sizes[l], nOut = sizes[l &+ 1]
                        let w = t + offsets[l], gw = g + offsets[l], gbias = gw + nIn &* nOut
                        let (x, list, count) = input(l, row: k)
                        for j in 0..<nOut { gbias[j] += delta[j] }
                        for n in 0..<count {
                            let i = list[n], a = x[i], grow = gw + i &* nOut
                            for j in 0..<nOut { grow[j] += a * delta[j] }
                        }
                        for i in 0..<nIn { below[i] = 0 }
                        for n in 0..<count {
                            let i = list[n], row = w + i &* nOut
                            var back = 0.0
                            for j in 0..<nOut { back += row[j] * delta[j] }
                            below[i] = back
                        }
                        swap(&delta, &below)
                    }
                    // The first layer: ∂b now; δ kept for ∂W (no δ needed for the input x).
                    let gbias = g + offsets[0] + d &* h
                    for j in 0..<h { gbias[j] += delta[j] }
                    (firstDeltas + (k &- part.lowerBound) &* h).update(from: delta, count: h)
                }
                // ∂W₁[i, ·] += x_ki · δ_k over the part's rows k with x_ki ≠ 0, ascending.
                for i in 0..<d {
                    let from = Self.firstPosition(of: part.lowerBound, in: columnRows, columnStarts[i]..<columnStarts[i &+ 1])
                    var to = from                                  // the batch's rows follow: walk them
                    while to < columnStarts[i &+ 1], columnRows[to] < part.upperBound { to &+= 1 }
                    let grow = g + offsets[0] + i &* h
                    accumulateRows(into: grow, base: grow, width: h, terms: to &- from) { n in
                        let k = columnRows[from &+ n]
                        return (xs[k &* d &+ i], UnsafePointer(firstDeltas + (k &- part.lowerBound) &* h))
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        return (sum * invK, gradient)
    }

    /// The first position in `range` of the ascending `values` holding `value` or more.
    private static func firstPosition(of value: Int, in values: UnsafeBufferPointer<Int>, _ range: Range<Int>) -> Int {
        // Halving without a branch to mispredict: base moves up by half when that stays below.
        var base = range.lowerBound, n = range.count
        while n > 1 {
            let half = n >> 1
            base = values[base &+ half &- 1] < value ? base &+ half : base
            n &-= half
        }
        return n == 1 && values[base] < value ? base &+ 1 : base
    }

    /// The share of rows whose largest logit is their label's (ties go to the lower class).
    public func accuracy(_ theta: [Double]) -> Double {
        precondition(theta.count == parameterCount, "θ needs \(parameterCount) values")
        let sizes = layerSizes, d = dataset.featureCount
        var correct = 0
        for k in 0..<dataset.count {
            var input = Array(dataset.features[(k * d)..<((k + 1) * d)])
            var w = 0
            for l in 0..<(sizes.count - 1) {
                let nIn = sizes[l], nOut = sizes[l + 1], b = w + nIn * nOut
                var out = Array(theta[b..<(b + nOut)])
                for i in 0..<nIn { for j in 0..<nOut { out[j] += input[i] * theta[w + i * nOut + j] } }
                if l < sizes.count - 2 { out = out.map { max(0, $0) } }
                input = out
                w = b + nOut
            }
            if input.indices.max(by: { input[$0] < input[$1] || (input[$0] == input[$1] && $0 > $1) }) == dataset.labels[k] { correct += 1 }
        }
        return Double(correct) / Double(max(1, dataset.count))
    }

    static func isSane(_ v: Double) -> Bool { v.isFinite && abs(v) <= 1e150 }
}

/// What ``SoftmaxClassification`` records.
public struct ClassificationTrainingResult: Sendable, Equatable {
    /// The optimizer's canonical spec.
    public let optimizer: String
    /// The batch size trained with.
    public let batchSize: Int
    /// The mean cross-entropy of every batch, before its step.
    public let iterationLosses: [Double]
    /// RunnerV3's `train_epoch_losses`: the mean of each epoch's batch losses.
    public let epochLosses: [Double]
    /// θ after the last step (or where training stopped).
    public let finalParameters: [Double]
    /// The iteration at which a loss or parameter went non-finite or beyond 1e150, or nil.
    public let divergedAt: Int?
}
