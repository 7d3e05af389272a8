import Testing
@testable import Optimization

// The numbers the seeds print, and the conventions that coincide across seeds.

/// Seed 002 prints `x_history` and `y_history` of 30 SGD steps (lr = 0.95) on x²/20 + y² from
/// (−7, 2). The notebook used a central-difference numerical gradient (h = 1e-4), which is
/// exact for a quadratic up to rounding, hence agreement to ~1e-11 rather than exactly.
/// (The notebook's output of `y_history` is cut off after 18 values.)
private let seed002X: [Double] = [
    -6.334999999999862, -5.7331749999996955, -5.188523375004966, -4.695613654381086, -4.249530357215863,
    -3.845824973281558, -3.4804716008198726, -3.1498267987425326, -2.850593252860905, -2.57978689383847,
    -2.3347071389235245, -2.112909960725267, -1.9121835144561499, -1.7305260805829468, -1.5661261029274252,
    -1.4173441231492494, -1.2826964314499805, -1.1608402704622607, -1.0505604447684092, -0.9507572025154459,
    -0.8604352682765366, -0.7786939177903135, -0.704717995600218, -0.6377697860182076, -0.577181656346486,
    -0.522349398993575, -0.47272620608918164, -0.42781721651071153, -0.387174580942181, -0.350392995752689,
]
private let seed002Y: [Double] = [
    -1.8000000000038003, 1.6200000000017294, -1.4579999999981847, 1.3121999999970972, -1.1809799999963362,
    1.0628819999964882, -0.9565937999966319, 0.8609344199970708, -0.7748409779966288, 0.6973568801961187,
    -0.6276211921768267, 0.5648590729591934, -0.5083731656634356, 0.45753584909703593, -0.41178226418699293,
    0.3706040377681584, -0.3335436339912141, 0.30018927059211564,
]

@Test(arguments: ["jp.sgd(lr=0.95)", "SGD(lr=0.95)"])
func seed002PrintedSGDSteps(_ spec: String) throws {
    let points = try trajectory(spec, on: "x^2/20 + y^2", from: [-7, 2], steps: 30)
    #expect(points.count == 31)
    for k in 0..<30 {
        #expect(abs(points[k + 1][0] - seed002X[k]) <= 1e-11 * abs(seed002X[k]), "x at step \(k + 1)")
        if k < seed002Y.count {
            #expect(abs(points[k + 1][1] - seed002Y[k]) <= 1e-11 * abs(seed002Y[k]), "y at step \(k + 1)")
        }
    }
}

/// Seed 001: gradient descent with lr = 1 on y = 4x² from x = 2 goes 2 → −14 → 98 with losses
/// 16 → 784 → 38416, gradients 16 → −112 → 784, and keeps growing ×(−7) until the loss
/// overflows (a figure stops where it passes 1e150); lr = 0.125 reaches the minimum in one step.
@Test func seed001LearningRateDemo() throws {
    let run = Run(objective: try Objective.resolve("4*x^2"), optimizer: try OptimizerSpec.parse("SGD(lr=1)"),
                  start: [2], steps: 200)
    #expect(Array(run.points.prefix(3)) == [[2], [-14], [98]])
    #expect(Array(run.losses.prefix(3)) == [16, 784, 38416])
    #expect(Array(run.gradientNorms.prefix(3)) == [16, 112, 784])
    // loss_k = 16·49^k is finite ⇔ k ≤ 181 (log₁₀: 1.204 + 1.690k ≤ 308.25): PyTorch's run.
    #expect(run.divergedAt == 182)
    #expect(run.points.count == 182)
    #expect(run.points.last == [2 * pow7(181)])
    // A figure's run stops where the loss passes 1e150: 16·49^k ≤ 1e150 ⇔ k ≤ 88.
    let drawn = Run(objective: try Objective.resolve("4*x^2"), optimizer: try OptimizerSpec.parse("SGD(lr=1)"),
                    start: [2], steps: 200, limit: .drawable)
    #expect(drawn.divergedAt == 89)
    #expect(drawn.points == Array(run.points.prefix(89)))

    let exact = try trajectory("SGD(lr=0.125)", on: "4*x^2", from: [2], steps: 2)
    #expect(exact == [[2], [0], [0]])
    // Seed 001's own update `x.data.sub_(lr * x.grad)` is d2l's and the books' plain SGD.
    #expect(try trajectory("d2l.sgd(lr=1)", on: "parabola", from: [2], steps: 3) == [[2], [-14], [98], [-686]])
}

private func pow7(_ k: Int) -> Double { (0..<k).reduce(1.0) { r, _ in r * -7 } }

// MARK: - coincidences

private func run(_ spec: String, _ objective: String = "rosenbrock", from start: [Double] = [-1.2, 1],
                 steps: Int = 60) throws -> [[Double]] {
    try trajectory(spec, on: objective, from: start, steps: steps)
}

private func maxRelativeDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
    var worst = 0.0
    for (p, q) in zip(a, b) {
        for (u, v) in zip(p, q) { worst = max(worst, abs(u - v) / max(1, abs(v))) }
    }
    return a.count == b.count ? worst : .infinity
}

@Test func plainGradientDescentIsTheSameEverywhere() throws {
    // x − lr·g (d2l, the Japanese book, the Paddle book, seed 001) and PyTorch's x + (−lr)·g are
    // the same floating-point operation: identical trajectories, bit for bit.
    let torch = try run("SGD(lr=0.001)", steps: 200)
    #expect(try run("d2l.sgd(lr=0.001)", steps: 200) == torch)
    #expect(try run("jp.sgd(lr=0.001)", steps: 200) == torch)
    #expect(try run("paddle.sgd(lr=0.001)", steps: 200) == torch)
}

@Test func momentumConventions() throws {
    // d2l keeps v, the books keep u = −v: negation is exact, so bit for bit.
    let d2l = try run("d2l.momentum(lr=0.001, gamma=0.9)")
    #expect(try run("jp.momentum(lr=0.001, momentum=0.9)") == d2l)
    #expect(try run("paddle.momentum(lr=0.001, rho=0.9)") == d2l)
    // PyTorch keeps b = v/lr: the same up to rounding.
    #expect(maxRelativeDifference(try run("SGD(lr=0.001, momentum=0.9)"), d2l) < 1e-12)
    // d2l's "inertia" is not SGD(momentum=γ, dampening=γ): PyTorch's first step is undamped.
    let inertia = try run("d2l.inertia(lr=0.01, gamma=0.5)", "d2l", from: [-5, -2], steps: 1)
    let damped = try run("SGD(lr=0.01, momentum=0.5, dampening=0.5)", "d2l", from: [-5, -2], steps: 1)
    #expect(inertia[1] == [-5 + 0.005, -2 + 0.04])
    #expect(damped[1] == [-5 + 0.01, -2 + 0.08])
}

@Test func adaptiveConventions() throws {
    // Eps inside the root: d2l and Paddle write the same Adagrad and RMSprop.
    #expect(try run("d2l.adagrad(lr=0.1, eps=1e-7)") == run("paddle.adagrad(lr=0.1, epsilon=1e-7)"))
    #expect(try run("d2l.rmsprop(lr=0.01, gamma=0.9, eps=1e-7)") == run("paddle.rmsprop(lr=0.01, beta=0.9, epsilon=1e-7)"))
    // Eps outside the root: the Japanese book's AdaGrad is PyTorch's Adagrad with eps = 1e-7.
    #expect(maxRelativeDifference(try run("jp.adagrad(lr=0.1)"), try run("Adagrad(lr=0.1, eps=1e-7)")) < 1e-12)
    // d2l's Adam is PyTorch's Adam (eps after the bias correction in both).
    #expect(maxRelativeDifference(try run("d2l.adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-6)"),
                                  try run("Adam(lr=0.01, betas=(0.9, 0.999), eps=1e-6)")) < 1e-12)
    // SparseAdam on dense gradients is Adam.
    #expect(try run("SparseAdam(lr=0.01)") == run("Adam(lr=0.01)"))
    // …whereas eps inside the root (Paddle's Adam) is a different optimizer.
    #expect(maxRelativeDifference(try run("paddle.adam(lr=0.01, beta1=0.9, beta2=0.999, epsilon=1e-2)"),
                                  try run("Adam(lr=0.01, betas=(0.9, 0.999), eps=1e-2)")) > 1e-6)
}
