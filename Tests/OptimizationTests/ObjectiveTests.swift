import Foundation
import Testing
@testable import Optimization

@Test func builtinsResolveCaseInsensitively() throws {
    #expect(try Objective.resolve("D2L").formula == "0.1*x1^2 + 2*x2^2")
    #expect(try Objective.resolve("  Rosenbrock ").name == "rosenbrock")
    #expect(try Objective.resolve("three_hump_camel").name == "three-hump-camel")
    #expect(try Objective.resolve("Goldstein-Price").name == "goldstein-price")
    #expect(try Objective.resolve("paddle-saddle").name == "cubic-saddle")
    #expect(try Objective.resolve("parabola").dimension == 1)
    let names = Objective.builtins.map(\.name)
    #expect(Set(names).count == names.count)
    for required in ["d2l", "parabola", "zigzag", "sphere", "cubic-saddle", "rosenbrock", "beale", "himmelblau",
                     "rastrigin", "booth", "matyas", "three-hump-camel", "goldstein-price", "ackley",
                     "styblinski-tang", "saddle", "monkey-saddle"] {
        #expect(names.contains(required), "missing \(required)")
    }
}

@Test func seedFunctionsHaveTheSeedsFormulas() throws {
    let p = [1.7, -0.6]
    #expect(try Objective.resolve("d2l").value(p) == 0.1 * 1.7 * 1.7 + 2 * 0.36)
    #expect(try Objective.resolve("zigzag").value([-7, 2]) == 49.0 / 20 + 4)
    #expect(try Objective.resolve("sphere").value([3, 4]) == 0.2 * 9 + 2 * 16)
    #expect(try Objective.resolve("cubic-saddle").value([2, 3]) == 4 + 9 + 27 + 6)
    #expect(try Objective.resolve("parabola").value([2]) == 16)
}

@Test func minimaAreStationaryWithKnownValues() throws {
    let knownValues: [String: Double] = [
        "rosenbrock": 0, "beale": 0, "himmelblau": 0, "rastrigin": 0, "booth": 0, "matyas": 0,
        "three-hump-camel": 0, "goldstein-price": 3, "ackley": 0, "styblinski-tang": -78.33233140754282,
        "d2l": 0, "zigzag": 0, "sphere": 0, "parabola": 0, "cubic-saddle": 0,
    ]
    for objective in Objective.builtins {
        for minimum in objective.minima {
            #expect(minimum.count == objective.dimension)
            let (value, gradient) = objective.valueAndGradient(minimum)
            let norm = gradient.map { $0 * $0 }.reduce(0, +).squareRoot()
            #expect(norm < 1e-9, "\(objective.name) gradient \(gradient) at \(minimum)")
            if let known = knownValues[objective.name] {
                #expect(abs(value - known) < 1e-9, "\(objective.name) value \(value) at \(minimum)")
            }
        }
    }
    #expect(Objective.builtin(named: "himmelblau")?.minima.count == 4)
    #expect(Objective.builtin(named: "saddle")?.minima.isEmpty == true)
    #expect(Objective.builtin(named: "monkey-saddle")?.minima.isEmpty == true)
}

@Test func expressionsResolveWithNameAndDimension() throws {
    let o = try Objective.resolve(" x^2 + y^2 + y^3 + x*y ")
    #expect(o.name == "x^2 + y^2 + y^3 + x*y")
    #expect(o.formula == o.name)
    #expect(o.dimension == 2)
    #expect(o.minima.isEmpty)
    #expect(try Objective.resolve("4*x^2").dimension == 1)
    #expect(try Objective.resolve("(x1 - 1)^2").dimension == 1)
}

@Test func unknownWordListsTheBuiltins() {
    do {
        _ = try Objective.resolve("rosenbrok")
        Issue.record("expected an error")
    } catch let error as ObjectiveError {
        #expect(error.problem == "unknown objective 'rosenbrok'")
        #expect(error.description.contains("rosenbrock, beale"))
        #expect(!error.description.contains("\n"))
    } catch {
        Issue.record("unexpected \(error)")
    }
    // A real expression error keeps its column.
    #expect(throws: ObjectiveError.self) { try Objective.resolve("x + (y") }
}

@Test func programmaticObjective() {
    let o = Objective(name: "sum of squares", formula: "Σ xᵢ²", dimension: 3, minima: [[0, 0, 0]]) { x in
        (x.map { $0 * $0 }.reduce(0, +), x.map { 2 * $0 })
    }
    #expect(o.value([1, 2, 3]) == 14)
    #expect(o.gradient([1, 2, 3]) == [2, 4, 6])
    #expect(o.valueAndGradient([1, 0, 0]).value == 1)
}
