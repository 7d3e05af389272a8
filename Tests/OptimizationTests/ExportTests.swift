import Foundation
import Testing
@testable import Optimization

@Test func numbersRoundTripAndNonFiniteAreNamed() {
    for v in [0.1, -14, 1e-7, Double.leastNonzeroMagnitude, 1.7976931348623157e308, -0.0, 1 / 3.0, 2.0 / 3.0 * 1e150] {
        #expect(Double(NumberText.format(v)) == v)
    }
    #expect(NumberText.format(0.1) == "0.1")
    #expect(NumberText.format(-14) == "-14.0")
    #expect(NumberText.format(.infinity) == "inf")
    #expect(NumberText.format(-.infinity) == "-inf")
    #expect(NumberText.format(.nan) == "nan")
    #expect(NumberText.json(.nan) == "\"nan\"")
    #expect(NumberText.json(-.infinity) == "\"-inf\"")
    #expect(NumberText.json(2.5) == "2.5")
}

@Test func pointsParseNegativeNumbers() {
    #expect(NumberText.parsePoint("-5,-2") == [-5, -2])
    #expect(NumberText.parsePoint(" -5 , 2.5e-1 ") == [-5, 0.25])
    #expect(NumberText.parsePoint("2") == [2])
    #expect(NumberText.parsePoint("") == nil)
    #expect(NumberText.parsePoint("1,,2") == nil)
    #expect(NumberText.parsePoint("1,x") == nil)
    #expect(NumberText.parsePoint("inf") == nil)
}

@Test func jsonHasTheIssuesShape() throws {
    let run = Run(objective: try Objective.resolve("4*x^2"), optimizer: try OptimizerSpec.parse("SGD(lr=1)"),
                  start: [2], steps: 2)
    #expect(run.json == """
        {
          "objective": "4*x^2",
          "optimizer": "SGD(lr=1.0)",
          "trajectory": [[2.0], [-14.0], [98.0]],
          "loss": [16.0, 784.0, 38416.0],
          "diverged_at": null
        }

        """)
    // It is valid JSON with the run's numbers. (swift-corelibs-foundation's JSON parser is not
    // correctly rounded, so compare its doubles to 1e-15; exact round-tripping of the printed
    // text through Double(String) is tested above.)
    let d2l = Run(objective: try Objective.resolve("d2l"), optimizer: try OptimizerSpec.parse("Adam(lr=0.3)"),
                  start: [-5, -2], steps: 20)
    let object = try JSONSerialization.jsonObject(with: Data(d2l.json.utf8)) as? [String: Any]
    let trajectory = try #require(object?["trajectory"] as? [[Double]])
    let losses = try #require(object?["loss"] as? [Double])
    #expect(trajectory.count == d2l.points.count && losses.count == d2l.losses.count)
    for (p, q) in zip(trajectory.joined(), d2l.points.joined()) { #expect(abs(p - q) <= 1e-15 * abs(q)) }
    for (p, q) in zip(losses, d2l.losses) { #expect(abs(p - q) <= 1e-15 * abs(q)) }
    #expect(object?["diverged_at"] is NSNull)
    for point in d2l.points {
        #expect(d2l.json.contains("[" + point.map(NumberText.format).joined(separator: ", ") + "]"))
    }
}

@Test func jsonMarksDivergenceAndEscapesNames() throws {
    let run = Run(objective: try Objective.resolve("4*x^2"), optimizer: try OptimizerSpec.parse("SGD(lr=1)"),
                  start: [2], steps: 200)
    let object = try JSONSerialization.jsonObject(with: Data(run.json.utf8)) as? [String: Any]
    // PyTorch's semantics: the loss 16·49^k passes 1e150 at k = 89 and overflows at k = 182.
    #expect(object?["diverged_at"] as? Int == 182)
    #expect(Run.jsonString("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
}

@Test func csvHeaderAndRows() throws {
    let run = Run(objective: try Objective.resolve("d2l"), optimizer: try OptimizerSpec.parse("SGD(lr=0.1)"),
                  start: [-5, -2], steps: 1)
    #expect(run.csv == "step,x,y,loss\n0,-5.0,-2.0,10.5\n1,-4.9,-1.2,5.281000000000001\n")
    let oneD = Run(objective: try Objective.resolve("4*x^2"), optimizer: try OptimizerSpec.parse("SGD(lr=1)"),
                   start: [2], steps: 1)
    #expect(oneD.csv == "step,x,loss\n0,2.0,16.0\n1,-14.0,784.0\n")
}
