import Foundation
import Testing
@testable import Optimization

/// The first points of a run, start included.
func trajectory(_ spec: String, on objective: String, from start: [Double], steps: Int) throws -> [[Double]] {
    let run = Run(objective: try Objective.resolve(objective), optimizer: try OptimizerSpec.parse(spec),
                  start: start, steps: steps)
    return run.points
}

func expectPoints(_ actual: [[Double]], _ expected: [[Double]], tolerance: Double = 1e-13,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (k, (a, e)) in zip(actual, expected).enumerated() {
        let ok = zip(a, e).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
        #expect(ok, "step \(k): \(a) vs \(e)", sourceLocation: sourceLocation)
    }
}

// Hand-worked first steps. All on d2l's f = 0.1x² + 2y² from (−5, −2), where g = (0.2x, 4y),
// so g₀ = (−1, −8), unless noted. "s" is the sign of g₀, (−1, −1).

@Test func sgdFirstSteps() throws {
    expectPoints(try trajectory("SGD(lr=0.1)", on: "d2l", from: [-5, -2], steps: 1), [[-5, -2], [-4.9, -1.2]])
    // Momentum: b₁ = g₀ → x₁ = x₀ − 0.05·g₀; g₁ = (−0.99, −6.4); b₂ = 0.9·g₀ + g₁ = (−1.89, −13.6).
    expectPoints(try trajectory("SGD(lr=0.05, momentum=0.9)", on: "d2l", from: [-5, -2], steps: 2),
                 [[-5, -2], [-4.95, -1.6], [-4.95 + 0.05 * 1.89, -1.6 + 0.05 * 13.6]])
    // Nesterov: d = g₀ + 0.9·b₁ = 1.9·g₀.
    expectPoints(try trajectory("SGD(lr=0.05, momentum=0.9, nesterov=True)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + 0.05 * 1.9, -2 + 0.05 * 15.2]])
    // Weight decay: g = g₀ + 0.5·x₀ = (−3.5, −9); dampening does not touch the first step.
    expectPoints(try trajectory("SGD(lr=0.1, momentum=0.5, dampening=0.5, weight_decay=0.5)", on: "d2l",
                                from: [-5, -2], steps: 1), [[-5, -2], [-4.65, -1.1]])
    // Maximize walks uphill.
    expectPoints(try trajectory("SGD(lr=0.1, maximize=True)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5.1, -2.8]])
}

@Test func adaptiveFirstSteps() throws {
    // Adagrad: s = g², x −= lr·g/(|g| + eps): a step of lr against the sign.
    expectPoints(try trajectory("Adagrad(lr=0.5)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + 0.5 / (1 + 1e-10), -2 + 0.5 * 8 / (8 + 1e-10)]])
    // Adagrad with lr_decay: step 2 uses clr = lr/(1 + lr_decay) and s = g₀² + g₁².
    let ada = try trajectory("Adagrad(lr=0.5, lr_decay=1, eps=0)", on: "d2l", from: [-5, -2], steps: 2)
    let g1 = [0.2 * -4.5, 4 * -1.5]
    expectPoints(ada, [[-5, -2], [-4.5, -1.5],
                       [-4.5 - 0.25 * g1[0] / (1 + g1[0] * g1[0]).squareRoot(),
                        -1.5 - 0.25 * g1[1] / (64 + g1[1] * g1[1]).squareRoot()]])
    // RMSprop: v = 0.01·g², √v = 0.1|g| → a step of lr/0.1 = 0.5 (eps 1e-8 aside).
    expectPoints(try trajectory("RMSprop(lr=0.05)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + 0.05 / (0.1 + 1e-8), -2 + 0.05 * 8 / (0.8 + 1e-8)]])
    // Centered RMSprop: v − m² = 0.01g² − 0.0001g² = 0.0099g².
    expectPoints(try trajectory("RMSprop(lr=0.05, centered=True, eps=0)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + 0.05 / 0.0099.squareRoot(), -2 + 0.05 / 0.0099.squareRoot()]])
    // Adadelta: δ = √eps/√(0.1g² + eps)·g.
    let e = 1e-6
    expectPoints(try trajectory("Adadelta", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + e.squareRoot() / (0.1 + e).squareRoot(), -2 + e.squareRoot() * 8 / (6.4 + e).squareRoot()]])
}

@Test func adamFamilyFirstSteps() throws {
    // Adam: m̂ = g, v̂ = g² → x −= lr·g/(|g| + eps).
    expectPoints(try trajectory("Adam(lr=0.1)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + 0.1 / (1 + 1e-8), -2 + 0.1 * 8 / (8 + 1e-8)]])
    expectPoints(try trajectory("SparseAdam(lr=0.1, eps=0)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-4.9, -1.9]])
    // Adam's L2 weight decay: g = g₀ + 0.5x₀ = (−3.5, −9), still a step of lr.
    expectPoints(try trajectory("Adam(lr=0.1, weight_decay=0.5, eps=0)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-4.9, -1.9]])
    // AdamW: x·(1 − 0.1·0.5) first, then the step of lr.
    expectPoints(try trajectory("AdamW(lr=0.1, weight_decay=0.5, eps=0)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-4.65, -1.8]])
    // Adamax: u = |g| + eps, clr = lr/0.1, m = 0.1g.
    expectPoints(try trajectory("Adamax(lr=0.1, eps=0)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-4.9, -1.9]])
    // NAdam: x −= lr(1−μ₁)/(1−μ₁)·s + lr·μ₂/(1−μ₁μ₂)·0.1·s, with μₜ = 0.9(1 − ½·0.96^(0.004t)).
    let mu1 = 0.9 * (1 - 0.5 * pow(0.96, 0.004)), mu2 = 0.9 * (1 - 0.5 * pow(0.96, 0.008))
    let nadamStep = 0.1 + 0.1 * mu2 / (1 - mu1 * mu2) * 0.1
    expectPoints(try trajectory("NAdam(lr=0.1, eps=0)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + nadamStep, -2 + nadamStep]])
    // RAdam: ρ₁ ≤ 5, so the first step is un-adapted: x −= lr·m̂ = lr·g.
    expectPoints(try trajectory("RAdam(lr=0.1)", on: "d2l", from: [-5, -2], steps: 1), [[-5, -2], [-4.9, -1.2]])
    // With β₂ = 0.5, ρ∞ = 3 < 5: never rectified; step 2 is lr·m̂₂ with m̂₂ = (0.9·0.1g₀ + 0.1g₁)/0.19.
    let radam = try trajectory("RAdam(lr=0.1, betas=(0.9, 0.5))", on: "d2l", from: [-5, -2], steps: 2)
    let r1 = [-4.9, -1.2], rg1 = [0.2 * -4.9, 4 * -1.2]
    let m2 = [(0.09 * -1 + 0.1 * rg1[0]) / 0.19, (0.09 * -8 + 0.1 * rg1[1]) / 0.19]
    expectPoints(radam, [[-5, -2], r1, [r1[0] - 0.1 * m2[0], r1[1] - 0.1 * m2[1]]], tolerance: 1e-12)
}

@Test func rpropAsgdAndLbfgsFirstSteps() throws {
    // Rprop: step lr against the sign; same sign next → step·1.2.
    expectPoints(try trajectory("Rprop(lr=0.1)", on: "d2l", from: [-5, -2], steps: 2),
                 [[-5, -2], [-4.9, -1.9], [-4.78, -1.78]])
    // A sign change (y overshoots with lr = 2.5): that coordinate halves its step and stays put.
    expectPoints(try trajectory("Rprop(lr=2.5)", on: "d2l", from: [-5, -2], steps: 2),
                 [[-5, -2], [-2.5, 0.5], [0.5, 0.5]])
    // ASGD: x·(1 − λη) − ηg with η = lr at step 1.
    expectPoints(try trajectory("ASGD(lr=0.1)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 * (1 - 1e-5) + 0.1, -2 * (1 - 1e-5) + 0.8]])
    // LBFGS, one iteration per step: t = min(1, 1/‖g‖₁)·lr = 1/9, d = −g.
    expectPoints(try trajectory("LBFGS(max_iter=1)", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + 1.0 / 9, -2 + 8.0 / 9]])
    // With the strong-Wolfe search one step lands within 1e-4 of the minimum, where the loss
    // (~1e-10) changes by less than tolerance_change = 1e-9: PyTorch stops there, and so does a
    // second step (the same point, as the independent reference also gives).
    let wolfe = try trajectory("LBFGS(line_search_fn='strong_wolfe')", on: "d2l", from: [-5, -2], steps: 2)
    #expect(abs(wolfe[1][0]) < 1e-4 && abs(wolfe[1][1]) < 1e-4, "\(wolfe)")
    #expect(wolfe[2] == wolfe[1])
    // Tighter tolerances let it reach round-off.
    let tight = try trajectory("LBFGS(line_search_fn='strong_wolfe', tolerance_change=0, tolerance_grad=0)",
                               on: "d2l", from: [-5, -2], steps: 2)
    #expect(abs(tight[2][0]) < 1e-12 && abs(tight[2][1]) < 1e-12, "\(tight)")
}

@Test func seedVariantFirstSteps() throws {
    // d2l.momentum (lr 0.1, γ 0.1): v₁ = 0.1g₀; g₁ = (−0.98, −4.8); v₂ = 0.1v₁ + 0.1g₁.
    expectPoints(try trajectory("d2l.momentum", on: "d2l", from: [-5, -2], steps: 2),
                 [[-5, -2], [-4.9, -1.2], [-4.792, -0.64]])
    // d2l.inertia: v₁ = 0.9g₀ → x₁ = x₀ − 0.09g₀.
    expectPoints(try trajectory("d2l.inertia", on: "d2l", from: [-5, -2], steps: 1), [[-5, -2], [-4.91, -1.28]])
    // d2l.adagrad / d2l.rmsprop: eps inside the root.
    expectPoints(try trajectory("d2l.adagrad", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + 0.1 / (1 + 1e-6).squareRoot(), -2 + 0.8 / (64 + 1e-6).squareRoot()]])
    expectPoints(try trajectory("d2l.rmsprop", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + 0.1 / (0.1 + 1e-6).squareRoot(), -2 + 0.8 / (6.4 + 1e-6).squareRoot()]])
    expectPoints(try trajectory("d2l.adam", on: "d2l", from: [-5, -2], steps: 1),
                 [[-5, -2], [-5 + 0.1 / (1 + 1e-6), -2 + 0.8 / (8 + 1e-6)]])
    // jp.momentum (lr 0.1, momentum 0.95) on x²/20 + y² from (−7, 2): g₀ = (−0.7, 4),
    // v₁ = (0.07, −0.4); g₁ = (−0.693, 3.2); v₂ = 0.95v₁ − 0.1g₁ = (0.1358, −0.7).
    expectPoints(try trajectory("jp.momentum(lr=0.1)", on: "zigzag", from: [-7, 2], steps: 2),
                 [[-7, 2], [-6.93, 1.6], [-6.7942, 0.9]])
    expectPoints(try trajectory("jp.adagrad(lr=1.5)", on: "zigzag", from: [-7, 2], steps: 1),
                 [[-7, 2], [-7 + 1.5 * 0.7 / (0.7 + 1e-7), 2 - 1.5 * 4 / (4 + 1e-7)]])
    // paddle.* on the sphere 0.2x² + 2y² from (3, 4): g₀ = (1.2, 16).
    expectPoints(try trajectory("paddle.sgd", on: "sphere", from: [3, 4], steps: 1), [[3, 4], [2.76, 0.8]])
    expectPoints(try trajectory("paddle.momentum", on: "sphere", from: [3, 4], steps: 1), [[3, 4], [2.988, 3.84]])
    expectPoints(try trajectory("paddle.adagrad", on: "sphere", from: [3, 4], steps: 1),
                 [[3, 4], [3 - 0.5 * 1.2 / (1.44 + 1e-7).squareRoot(), 4 - 0.5 * 16 / (256 + 1e-7).squareRoot()]])
    expectPoints(try trajectory("paddle.rmsprop", on: "sphere", from: [3, 4], steps: 1),
                 [[3, 4], [3 - 0.1 * 1.2 / (0.144 + 1e-7).squareRoot(), 4 - 0.1 * 16 / (25.6 + 1e-7).squareRoot()]])
    expectPoints(try trajectory("paddle.adam", on: "sphere", from: [3, 4], steps: 1),
                 [[3, 4], [3 - 0.2 * 1.2 / (1.44 + 1e-7).squareRoot(), 4 - 0.2 * 16 / (256 + 1e-7).squareRoot()]])
}

@Test func paddleAdamSharesItsStepCounterAcrossTensors() throws {
    // Two tensors [W (2), b (1)]: at the first step W uses t = 1 and b uses t = 2.
    var optimizer = try OptimizerSpec.parse("paddle.adam(lr=0.1, epsilon=0)").makeOptimizer(parameterBlocks: [2, 1])
    var x = [1.0, 1.0, 1.0]
    optimizer.step(&x) { _ in (0, [2, 2, 2]) }
    // b: M̂ = 0.1·2/(1 − 0.81), Ĝ = 0.01·4/(1 − 0.9801) → step 0.1·M̂/√Ĝ.
    let bStep = 0.1 * (0.2 / 0.19) / (0.04 / 0.0199).squareRoot()
    #expect(abs(x[0] - 0.9) < 1e-15 && abs(x[1] - 0.9) < 1e-15)
    #expect(abs(x[2] - (1 - bStep)) < 1e-15)
    // One block: the plain t = 1.
    var single = try OptimizerSpec.parse("paddle.adam(lr=0.1, epsilon=0)").makeOptimizer(dimension: 3)
    var y = [1.0, 1.0, 1.0]
    single.step(&y) { _ in (0, [2, 2, 2]) }
    #expect(y.allSatisfy { abs($0 - 0.9) < 1e-15 })
}
