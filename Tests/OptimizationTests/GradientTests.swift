import Foundation
import Testing
@testable import Optimization

/// Points spread over [-3, 3]², avoiding the axes (where abs and sqrt have kinks).
private let samplePoints: [[Double]] = {
    var points: [[Double]] = []
    for i in 0..<7 {
        for j in 0..<7 {
            points.append([-2.9 + 0.93 * Double(i) + 0.011, -2.7 + 0.87 * Double(j) + 0.017])
        }
    }
    return points
}()

private func agree(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-12) -> Bool {
    zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
}

@Sendable private func bealeGradient(_ x: Double, _ y: Double) -> [Double] {
    let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
    let gx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1)
    let gy = 2 * a * x + 4 * b * x * y + 6 * c * x * y * y
    return [gx, gy]
}

@Sendable private func goldsteinPriceGradient(_ x: Double, _ y: Double) -> [Double] {
    let a: Double = x + y + 1
    let p: Double = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y
    let b: Double = 2 * x - 3 * y
    let q: Double = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y
    let u: Double = 1 + a * a * p
    let v: Double = 30 + b * b * q
    let px: Double = -14 + 6 * x + 6 * y, py: Double = -14 + 6 * x + 6 * y
    let qx: Double = -32 + 24 * x - 36 * y, qy: Double = 48 - 36 * x + 54 * y
    let ux: Double = 2 * a * p + a * a * px, uy: Double = 2 * a * p + a * a * py
    let vx: Double = 4 * b * q + b * b * qx, vy: Double = -6 * b * q + b * b * qy
    return [ux * v + u * vx, uy * v + u * vy]
}

@Sendable private func ackleyGradient(_ x: Double, _ y: Double) -> [Double] {
    let r = (0.5 * (x * x + y * y)).squareRoot()
    let e1 = exp(-0.2 * r)
    let e2 = exp(0.5 * (cos(2 * .pi * x) + cos(2 * .pi * y)))
    let gx = 2 * e1 * x / r + .pi * sin(2 * .pi * x) * e2
    let gy = 2 * e1 * y / r + .pi * sin(2 * .pi * y) * e2
    return [gx, gy]
}

/// Hand-derived gradients of every built-in objective.
private let handGradients: [String: @Sendable (Double, Double) -> [Double]] = [
    "d2l": { x, y in [0.2 * x, 4 * y] },
    "zigzag": { x, y in [x / 10, 2 * y] },
    "sphere": { x, y in [0.4 * x, 4 * y] },
    "cubic-saddle": { x, y in [2 * x + y, 2 * y + 3 * y * y + x] },
    "rosenbrock": { x, y in [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)] },
    "beale": bealeGradient,
    "himmelblau": { x, y in
        [4 * x * (x * x + y - 11) + 2 * (x + y * y - 7), 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7)]
    },
    "rastrigin": { x, y in [2 * x + 20 * .pi * sin(2 * .pi * x), 2 * y + 20 * .pi * sin(2 * .pi * y)] },
    "booth": { x, y in [2 * (x + 2 * y - 7) + 4 * (2 * x + y - 5), 4 * (x + 2 * y - 7) + 2 * (2 * x + y - 5)] },
    "matyas": { x, y in [0.52 * x - 0.48 * y, 0.52 * y - 0.48 * x] },
    "three-hump-camel": { x, y in [4 * x - 4.2 * x * x * x + x * x * x * x * x + y, x + 2 * y] },
    "goldstein-price": goldsteinPriceGradient,
    "ackley": ackleyGradient,
    "styblinski-tang": { x, y in [2 * x * x * x - 16 * x + 2.5, 2 * y * y * y - 16 * y + 2.5] },
    "saddle": { x, y in [2 * x, -2 * y] },
    "monkey-saddle": { x, y in [3 * x * x - 3 * y * y, -6 * x * y] },
]

@Test func everyTwoDimensionalBuiltinHasAHandGradient() {
    let twoD = Objective.builtins.filter { $0.dimension == 2 }.map(\.name)
    #expect(Set(twoD) == Set(handGradients.keys))
}

@Test(arguments: Array(handGradients.keys).sorted())
func automaticGradientMatchesHandDerived(_ name: String) throws {
    let objective = try #require(Objective.builtin(named: name))
    let hand = handGradients[name]!
    // Goldstein–Price reaches 1e6 and more: its sums cancel, so compare relative to the terms.
    let tolerance = name == "goldstein-price" ? 1e-10 : 1e-12
    for p in samplePoints {
        let ad = objective.gradient(p)
        #expect(agree(ad, hand(p[0], p[1]), tolerance), "\(name) at \(p): \(ad) vs \(hand(p[0], p[1]))")
    }
}

@Test func gradientOfExpressionsWithEveryRule() throws {
    let cases: [(String, @Sendable (Double, Double) -> [Double])] = [
        ("sin(x)*cos(y)", { x, y in [cos(x) * cos(y), -sin(x) * sin(y)] }),
        ("tan(x*y)", { x, y in let s = 1 / cos(x * y); return [s * s * y, s * s * x] }),
        ("exp(x - y^2)", { x, y in let e = exp(x - y * y); return [e, -2 * y * e] }),
        ("log(x^2 + y^2)", { x, y in let r = x * x + y * y; return [2 * x / r, 2 * y / r] }),
        ("sqrt(x^2 + 2*y^2 + 1)", { x, y in let s = (x * x + 2 * y * y + 1).squareRoot(); return [x / s, 2 * y / s] }),
        ("abs(x) - abs(y)", { x, y in [x > 0 ? 1 : -1, y > 0 ? -1 : 1] }),
        ("tanh(x) + sinh(y) + cosh(x*y)", { x, y in
            [1 - tanh(x) * tanh(x) + sinh(x * y) * y, cosh(y) + sinh(x * y) * x] }),
        ("x/y - y/(x^2 + 1)", { x, y in
            let d = x * x + 1
            return [1 / y + y * 2 * x / (d * d), -x / (y * y) - 1 / d] }),
        ("2^x + x^y", { x, y in  // evaluated with x > 0 (see below)
            [pow(2, x) * log(2.0) + y * pow(x, y - 1), pow(x, y) * log(x)] }),
        ("(x - 1)^3 - 3*x*y^4", { x, y in [3 * (x - 1) * (x - 1) - 3 * pow(y, 4), -12 * x * pow(y, 3)] }),
        ("-x^2 + pi*y", { x, _ in [-2 * x, .pi] }),
        ("e^x", { x, _ in [exp(x), 0] }),
    ]
    for (text, hand) in cases {
        let objective = try Objective.resolve(text)
        for p in samplePoints {
            var q = p
            if text.hasPrefix("2^x + x^y") { q[0] = abs(q[0]) }     // keep the base positive
            let ad = objective.gradient(q)
            let expected = Array(hand(q[0], q[1]).prefix(objective.dimension))
            #expect(agree(ad, expected, 1e-11), "\(text) at \(q): \(ad) vs \(expected)")
        }
    }
}

@Test func oneDimensionalAndEdgeGradients() throws {
    let parabola = try Objective.resolve("4*x^2")
    #expect(parabola.dimension == 1)
    #expect(parabola.gradient([2]) == [16])
    #expect(parabola.gradient([-14]) == [-112])
    #expect(parabola.valueAndGradient([98]).value == 38416)

    // (-2)^3 differentiates through the constant-exponent rule, no log of a negative number.
    #expect(try Objective.resolve("x^3").gradient([-2]) == [12])
    // Zero tangent stays zero: the Ackley minimum has gradient (0, 0), not NaN.
    let ackley = try #require(Objective.builtin(named: "ackley"))
    #expect(ackley.gradient([0, 0]) == [0, 0])
    #expect(abs(ackley.value([0, 0])) < 1e-15)
    #expect(try Objective.resolve("abs(x)").gradient([0]) == [0])
    #expect(try Objective.resolve("sqrt(x)").gradient([0]) == [.infinity])
    #expect(try Objective.resolve("x^0 + 0*y").gradient([0, 1]) == [0, 0])
}

@Test func automaticGradientAgreesWithFiniteDifferences() throws {
    // A sanity net independent of the hand formulas: central differences, loose tolerance.
    for objective in Objective.builtins where objective.dimension == 2 {
        for p in samplePoints.prefix(20) {
            let g = objective.gradient(p)
            for k in 0..<2 {
                let h = 1e-6 * max(1, abs(p[k]))
                var a = p, b = p
                a[k] += h
                b[k] -= h
                let fd = (objective.value(a) - objective.value(b)) / (2 * h)
                #expect(abs(fd - g[k]) <= 1e-5 * max(1, abs(g[k])), "\(objective.name) ∂\(k) at \(p): \(g[k]) vs \(fd)")
            }
        }
    }
}
