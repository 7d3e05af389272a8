import Foundation
import Testing
@testable import Optimization

@Test func runRecordsStartLossesAndGradientNorms() throws {
    let run = Run(objective: try Objective.resolve("d2l"), optimizer: try OptimizerSpec.parse("SGD(lr=0.1)"),
                  start: [-5, -2], steps: 3)
    #expect(run.objective == "d2l")
    #expect(run.optimizer == "SGD(lr=0.1)")
    #expect(run.points.count == 4)
    #expect(run.completedSteps == 3)
    #expect(run.points[0] == [-5, -2])
    #expect(run.losses[0] == 0.1 * 25 + 2 * 4)
    #expect(run.gradientNorms[0] == (1 + 64.0).squareRoot())
    #expect(run.divergedAt == nil)
    #expect(zip(run.points, run.losses).allSatisfy { abs($1 - (0.1 * $0[0] * $0[0] + 2 * $0[1] * $0[1])) < 1e-15 })
}

@Test func zeroStepsIsJustTheStart() throws {
    let run = Run(objective: try Objective.resolve("rosenbrock"), optimizer: try OptimizerSpec.parse("Adam"),
                  start: [0, 0], steps: 0)
    #expect(run.points == [[0, 0]])
    #expect(run.losses == [1])
    let negative = Run(objective: try Objective.resolve("rosenbrock"), optimizer: try OptimizerSpec.parse("Adam"),
                       start: [0, 0], steps: -3)
    #expect(negative.points == [[0, 0]])
}

@Test func divergenceStopsBeforeTheFirstBadPoint() throws {
    // Overflow to infinity: exp(x) with a large step.
    let run = Run(objective: try Objective.resolve("-exp(x)"), optimizer: try OptimizerSpec.parse("SGD(lr=100)"),
                  start: [1], steps: 50)
    let k = try #require(run.divergedAt)
    #expect(run.points.count == k)
    #expect(run.points.allSatisfy { $0.allSatisfy(\.isFinite) })
    #expect(run.losses.allSatisfy { $0.isFinite })

    // NaN: log of a negative number after a step across 0.
    let nan = Run(objective: try Objective.resolve("log(x)"), optimizer: try OptimizerSpec.parse("SGD(lr=10)"),
                  start: [1], steps: 5)
    #expect(nan.divergedAt == 1)
    #expect(nan.points == [[1]])
    #expect(nan.losses == [0])
}

@Test func badStartDivergesAtStepZero() throws {
    let run = Run(objective: try Objective.resolve("log(x)"), optimizer: try OptimizerSpec.parse("SGD"),
                  start: [-1], steps: 10)
    #expect(run.divergedAt == 0)
    #expect(run.points.isEmpty)
    #expect(run.losses.isEmpty)
    #expect(run.gradientNorms.isEmpty)
    #expect(run.completedSteps == 0)
    let huge = Run(objective: try Objective.resolve("x"), optimizer: try OptimizerSpec.parse("SGD"),
                   start: [1e200], steps: 10, limit: .drawable)
    #expect(huge.divergedAt == 0)
    // PyTorch computes with 1e200 as with any finite number.
    let computed = Run(objective: try Objective.resolve("x"), optimizer: try OptimizerSpec.parse("SGD"),
                       start: [1e200], steps: 10)
    #expect(computed.divergedAt == nil)
    #expect(computed.points.count == 11)
}

@Test func largeButFiniteValuesCountAsDivergenceOnlyInFigures() throws {
    // f = −x, g = −1: x goes 0 → 6e149 → 1.2e150, finite but beyond a figure's threshold.
    let objective = try Objective.resolve("-x"), spec = try OptimizerSpec.parse("SGD(lr=6e149)")
    let drawn = Run(objective: objective, optimizer: spec, start: [0], steps: 5, limit: .drawable)
    #expect(drawn.points == [[0], [6e149]])
    #expect(drawn.divergedAt == 2)
    #expect(drawn.limit == .drawable)
    // torch.optim goes on: 6e149 · k for every k.
    let computed = Run(objective: objective, optimizer: spec, start: [0], steps: 5)
    #expect(computed.divergedAt == nil)
    #expect(computed.points.count == 6)
    var x = 0.0
    for point in computed.points {
        #expect(point == [x])
        x += 6e149
    }
}

@Test func everyOptimizerSurvivesHostileObjectives() throws {
    // Divergence is normal input: no optimizer traps, every recorded value is finite.
    let objectives = ["x^3 - 3*x*y^2", "1/(x^2 + y^2 - 1)", "exp(x*y)", "sqrt(x^2 + y^2)", "abs(x) + abs(y)"]
    for entry in OptimizerSpec.catalog {
        let spec = try OptimizerSpec.parse(entry.name)
        for text in objectives {
            for limit in [Run.Limit.finite, .drawable] {
                let run = Run(objective: try Objective.resolve(text), optimizer: spec, start: [0.5, -0.25], steps: 40,
                              limit: limit)
                let bound = limit == .finite ? Double.infinity : 1e150
                #expect(run.points.allSatisfy { $0.allSatisfy { $0.isFinite && abs($0) <= bound } })
                #expect(run.losses.allSatisfy { $0.isFinite && abs($0) <= bound })
                #expect(run.points.count == (run.divergedAt ?? 41))
            }
        }
    }
}

@Test func lbfgsEvaluatesSeveralTimesPerStepButRecordsOnePoint() throws {
    var evaluations = 0
    var optimizer = try OptimizerSpec.parse("LBFGS(line_search_fn='strong_wolfe')").makeOptimizer(dimension: 2)
    let rosenbrock = try Objective.resolve("rosenbrock")
    var x = [-1.2, 1.0]
    optimizer.step(&x) { p in
        evaluations += 1
        return rosenbrock.valueAndGradient(p)
    }
    #expect(evaluations > 1 && evaluations <= 25 + 1)
    let run = Run(objective: rosenbrock, optimizer: try OptimizerSpec.parse("LBFGS(line_search_fn='strong_wolfe')"),
                  start: [-1.2, 1], steps: 10)
    #expect(run.points.count == 11)
    // Step 2 lands within 1e-4 of (1, 1); then |Δf| < tolerance_change and it stays (as in PyTorch).
    #expect(abs(run.points[10][0] - 1) < 1e-4 && abs(run.points[10][1] - 1) < 1e-4)
    #expect(run.points[10] == run.points[2])
}
