import Foundation
import Optimization
import Testing
@testable import Gallery

/// The perceptron trained on the bundled UCI digits, pinned to the exact bits it produced
/// before its inner loops were rewritten for speed (DESIGN.md, "Hot loops"): the rewrite must
/// keep every floating-point operation, and its order, as it was — the figure's caption quotes
/// these losses.
struct TrainingBitsTests {
    static func digits() throws -> ClassificationDataset {
        let dir = try Catalog.directory().appendingPathComponent("data")
        let images = try IDXFile(bytes: [UInt8](Data(contentsOf: dir.appendingPathComponent("digits-images-idx3-ubyte"))), name: "images")
        let labels = try IDXFile(bytes: [UInt8](Data(contentsOf: dir.appendingPathComponent("digits-labels-idx1-ubyte"))), name: "labels")
        return try ClassificationDataset(images: images, labels: labels, imagesName: "i", labelsName: "l", pixelMax: 16)
    }

    /// FNV-1a over the bit patterns: one number that changes if any value changes in any bit.
    static func fingerprint(_ values: [Double]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in values {
            var bits = v.bitPattern
            for _ in 0..<8 { h = (h ^ (bits & 0xFF)) &* 0x100_0000_01B3; bits >>= 8 }
        }
        return h
    }

    @Test func twoEpochsOfTheBatchSizeFigureKeepTheirBits() throws {
        let data = try Self.digits()
        var report: [String] = []
        for (hidden, batch, spec) in [(16, 16, "SGD(lr=0.01)"), (16, 256, "SGD(lr=0.16)"), (16, 100, "Adam(lr=0.01)"), (0, 64, "SGD(lr=0.1)")] {
            let training = SoftmaxClassification(dataset: data, hiddenUnits: hidden, batchSize: batch, epochs: 2, seed: 0)
            let result = training.run(try OptimizerSpec.parse(spec))
            let last = result.finalParameters.count - 1
            report.append("\(hidden) \(batch) \(spec): epochs \(result.epochLosses.map { String($0.bitPattern, radix: 16) }) "
                + "θ[100] \(String(result.finalParameters[100].bitPattern, radix: 16)) "
                + "θ[last] \(String(result.finalParameters[last].bitPattern, radix: 16)) "
                + "losses \(String(Self.fingerprint(result.iterationLosses), radix: 16)) "
                + "θ \(String(Self.fingerprint(result.finalParameters), radix: 16))")
        }
        // Printed with this test's own code on main at 685d075, before the rewrite.
        let expected = [
            #"16 16 SGD(lr=0.01): epochs ["400155690b4fdce6", "400016c46ae5d96f"] θ[100] 3f6aa26246f3e1ae θ[last] 3f71c5c90e0746de losses 99c933e8c939b6ce θ d861ccfbeab1db97"#,
            #"16 256 SGD(lr=0.16): epochs ["40015962b9485a15", "400013e408e2e355"] θ[100] 3f6ab35478efaa8d θ[last] 3fb020791dafaa6a losses 7a83af5f96c7bd33 θ fc322e5bf81e48b9"#,
            #"16 100 Adam(lr=0.01): epochs ["3ffdd4db56f74529", "3ff1c8bf957e545b"] θ[100] bfa31865c8e30e47 θ[last] 3fb04f22d967b677 losses 160e00808d10bcf9 θ e17023ca40766bd0"#,
            #"0 64 SGD(lr=0.1): epochs ["4001b535674f596c", "3ffbe8b9fbbcee2a"] θ[100] 3fb2d92e0058223c θ[last] 3faf953f63e2e977 losses adbc4dd86f83c33b θ b0c4ea516debb987"#,
        ]
        #expect(report == expected, "\(report.joined(separator: "\n"))")
    }

    /// main's `lossAndGradient` as it was before the rewrite (685d075), verbatim but for the
    /// receiver: the plain loops, one row at a time, whose every sum the rewrite must reproduce.
    static func plainLossAndGradient(_ training: SoftmaxClassification, _ theta: [Double], rows: Range<Int>) -> (loss: Double, gradient: [Double]) {
        let dataset = training.dataset, parameterCount = training.parameterCount
        precondition(!rows.isEmpty && rows.lowerBound >= 0 && rows.upperBound <= dataset.count, "bad batch rows")
        precondition(theta.count == parameterCount, "θ needs \(training.parameterCount) values")
        let sizes = training.layerSizes, layers = sizes.count - 1, c = dataset.classCount, d = dataset.featureCount
        // Where each layer's W and b start in θ.
        var offsets: [Int] = []
        var o = 0
        for l in 0..<layers { offsets.append(o); o += sizes[l] * sizes[l + 1] + sizes[l + 1] }
        let invK = 1 / Double(rows.count)
        var gradient = [Double](repeating: 0, count: parameterCount)
        // Layer l's input lives at act[actOffsets[l] ..< actOffsets[l] + sizes[l]] (layer 0's is x);
        // the last slice holds the logits. δ and the δ passed down share two scratch rows.
        var actOffsets: [Int] = [0]
        for n in sizes { actOffsets.append(actOffsets.last! + n) }
        let widest = sizes.max()!
        let act = UnsafeMutableBufferPointer<Double>.allocate(capacity: actOffsets.last!)
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * widest)
        defer { act.deallocate(); scratch.deallocate() }
        var sum = 0.0
        theta.withUnsafeBufferPointer { t in
        gradient.withUnsafeMutableBufferPointer { g in
        dataset.features.withUnsafeBufferPointer { xs in
            for k in rows {
                for j in 0..<d { act[j] = xs[k * d + j] }
                // Forward: out = in·W + b, ReLU on hidden layers. Rows of W belong to inputs, so a
                // zero input (a blank pixel, a silent ReLU) skips its whole row.
                for l in 0..<layers {
                    let nIn = sizes[l], nOut = sizes[l + 1], w = offsets[l], b = w + nIn * nOut
                    let input = actOffsets[l], out = actOffsets[l + 1]
                    for j in 0..<nOut { act[out + j] = t[b + j] }
                    for i in 0..<nIn where act[input + i] != 0 {
                        let a = act[input + i], row = w + i * nOut
                        for j in 0..<nOut { act[out + j] += a * t[row + j] }
                    }
                    if l < layers - 1 { for j in 0..<nOut where act[out + j] < 0 { act[out + j] = 0 } }
                }
                // log Σ exp z = m + log Σ exp(z − m), m = max z
                let z = actOffsets[layers], y = dataset.labels[k]
                var zmax = -Double.infinity
                for i in 0..<c { zmax = Swift.max(zmax, act[z + i]) }
                var partition = 0.0
                for i in 0..<c { partition += exp(act[z + i] - zmax) }
                let lse = zmax + log(partition)
                sum += lse - act[z + y]
                var delta = 0, below = widest                 // the two halves of scratch
                for i in 0..<c { scratch[delta + i] = (exp(act[z + i] - lse) - (i == y ? 1 : 0)) * invK }
                // Backward, last layer first: ∂W += inᵀ·δ, ∂b += δ, δ_in = (δ·Wᵀ) ⊙ [in > 0].
                for l in stride(from: layers - 1, through: 0, by: -1) {
                    let nIn = sizes[l], nOut = sizes[l + 1], w = offsets[l], b = w + nIn * nOut
                    let input = actOffsets[l]
                    for j in 0..<nOut { g[b + j] += scratch[delta + j] }
                    for i in 0..<nIn {
                        let a = act[input + i]
                        scratch[below + i] = 0
                        guard a != 0 else { continue }        // x = 0 adds nothing; ReLU′ = 0 below 0
                        let row = w + i * nOut
                        for j in 0..<nOut { g[row + j] += a * scratch[delta + j] }
                        guard l > 0 else { continue }         // no δ needed for the input x
                        var back = 0.0
                        for j in 0..<nOut { back += t[row + j] * scratch[delta + j] }
                        scratch[below + i] = back
                    }
                    swap(&delta, &below)
                }
            }
        }
        }
        }
        return (sum * invK, gradient)
    }

    /// The rewritten pass against the plain one, bit for bit, on batches the figure never uses:
    /// the whole dataset (7 parts of 256 rows in the rewrite), a batch straddling parts, one row;
    /// at the seeded start and at a random θ; with and without the hidden layer.
    @Test func theRewrittenPassMatchesThePlainLoops() throws {
        let data = try Self.digits()
        var generator = SeededGenerator(seed: 11)
        try Self.compare(data, hidden: [16, 0], batches: [0..<1797, 5..<600, 1000..<1001, 1700..<1797], &generator)
        // Odd widths (5 hidden units, 3 classes: the 8-, 2- and 1-wide blocks of
        // accumulateRows), negative features and a third of them exactly 0.
        var features: [Double] = [], labels: [Int] = []
        for k in 0..<700 {
            labels.append(k % 3)
            for _ in 0..<9 { features.append(generator.uniform() < 0.33 ? 0 : generator.normal() + Double(k % 3)) }
        }
        let small = try #require(ClassificationDataset(features: features, labels: labels, featureCount: 9, classCount: 3))
        try Self.compare(small, hidden: [5, 0, 11], batches: [0..<700, 3..<520, 699..<700], &generator)
    }

    static func compare(_ data: ClassificationDataset, hidden widths: [Int], batches: [Range<Int>],
                        _ generator: inout SeededGenerator) throws {
        for hidden in widths {
            let training = SoftmaxClassification(dataset: data, hiddenUnits: hidden)
            let thetas = [training.initialParameters, (0..<training.parameterCount).map { _ in 0.3 * generator.normal() }]
            for theta in thetas {
                for rows in batches {
                    let fast = training.lossAndGradient(theta, rows: rows)
                    let plain = Self.plainLossAndGradient(training, theta, rows: rows)
                    #expect(fast.loss.bitPattern == plain.loss.bitPattern, "H \(hidden) rows \(rows): loss")
                    let differing = zip(fast.gradient, plain.gradient).filter { $0.bitPattern != $1.bitPattern }.count
                    #expect(differing == 0, "H \(hidden) rows \(rows): \(differing) gradient elements differ")
                }
            }
        }
    }
}
