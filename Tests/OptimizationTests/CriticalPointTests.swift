import Foundation
import Testing
@testable import Optimization

/// The minimum marker for any expression: multi-start local search in the view.
struct CriticalPointTests {
    func points(_ text: String, _ x: ClosedRange<Double>, _ y: ClosedRange<Double>, saddles: Bool = false) throws -> [CriticalPoint] {
        CriticalPoints.find(try Objective(expression: text), x: x, y: y, saddles: saddles)
    }

    @Test func himmelblausFourMinimaAreAllGlobal() throws {
        let found = try points("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", -5...5, -5...5)
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.kind == .minimum && $0.isGlobal && abs($0.value) < 1e-12 })
        let known = [[3.0, 2.0], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]]
        for k in known {
            #expect(found.contains { abs($0.point[0] - k[0]) < 1e-5 && abs($0.point[1] - k[1]) < 1e-5 }, "\(k)")
        }
    }

    @Test func rastriginHasManyLocalMinimaAndOneGlobal() throws {
        let found = try points("20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)", -5.12...5.12, -5.12...5.12)
        #expect(found.count > 20)
        let global = found.filter(\.isGlobal)
        #expect(global.count == 1)
        #expect(abs(global[0].point[0]) < 1e-7 && abs(global[0].point[1]) < 1e-7)
        #expect(found.allSatisfy { $0.kind == .minimum })
    }

    @Test func aSaddleHasNoMinimum() throws {
        #expect(try points("x^2 - y^2", -2...2, -2...2).isEmpty)
        let saddle = try points("x^2 - y^2", -2...2, -2...2, saddles: true)
        #expect(saddle.count == 1 && saddle[0].kind == .saddle)
        #expect(abs(saddle[0].point[0]) < 1e-9 && abs(saddle[0].point[1]) < 1e-9)
    }

    @Test func seed004sCubicHasAMinimumAndASaddle() throws {
        let found = try points("x^2 + y^2 + y^3 + x*y", -3...3, -3...3, saddles: true)
        let minima = found.filter { $0.kind == .minimum }
        let saddles = found.filter { $0.kind == .saddle }
        #expect(minima.count == 1 && saddles.count == 1)
        #expect(hypot(minima[0].point[0], minima[0].point[1]) < 1e-9 && minima[0].isGlobal)
        #expect(abs(saddles[0].point[0] - 0.25) < 1e-9 && abs(saddles[0].point[1] + 0.5) < 1e-9)
    }

    @Test func aViewWithoutTheMinimumHasNone() throws {
        #expect(try points("(x - 5)^2 + y^2", -1...1, -1...1).isEmpty)
    }

    @Test func theSearchIsDeterministic() throws {
        let a = try points("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", -5...5, -5...5, saddles: true)
        let b = try points("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", -5...5, -5...5, saddles: true)
        #expect(a == b)
    }
}
