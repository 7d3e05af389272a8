import Foundation
import Testing
@testable import Raster

/// The stroker decides whether a turn's inner corner fits (hw · tan(|ψ|/2) ≤ shortest / 2) by
/// bounds on tan where they settle it and by `tan` only near the limit (DESIGN.md, "Hot
/// loops"). The decision must be the one `tan` gives, bit for bit, or stroke outlines change.
struct StrokerShortcutTests {
    /// SplitMix64: a fixed stream of test values.
    struct Stream {
        var state: UInt64
        mutating func unit() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    static func byTan(_ hw: Double, _ psi: Double, _ shortest: Double) -> Bool {
        hw * tan(abs(psi) / 2) <= shortest / 2
    }

    static func shortcut(_ hw: Double, _ psi: Double, _ shortest: Double) -> Bool {
        Stroker.innerCornerFits(hw: hw, psi: psi, cosHalf: cos(abs(psi) / 2), shortest: shortest)
    }

    @Test func agreesWithTanOnRandomTurns() {
        var s = Stream(state: 1)
        var mismatches: [String] = []
        for _ in 0..<200_000 {
            let hw = 0.01 * pow(5000, s.unit())                   // 0.01 … 50 px
            let psi = (2 * s.unit() - 1) * 3.1415                 // |ψ| < π: cos(|ψ|/2) > 10⁻⁹
            let shortest = 1e-6 * pow(1e8, s.unit())              // 10⁻⁶ … 100 px
            if Self.shortcut(hw, psi, shortest) != Self.byTan(hw, psi, shortest) { mismatches.append("\(hw) \(psi) \(shortest)") }
        }
        #expect(mismatches.count == 0, "\(mismatches.prefix(5))")
    }

    /// At the limit itself, and one ulp either side of it, where only `tan` can decide.
    @Test func agreesWithTanAtTheLimit() {
        var s = Stream(state: 2)
        var mismatches: [String] = []
        var decidedBoth = Set<Bool>()
        for _ in 0..<50_000 {
            let hw = 0.01 * pow(5000, s.unit())
            let psi = (2 * s.unit() - 1) * 3.14159
            let edge = 2 * (hw * tan(abs(psi) / 2))
            for shortest in [edge.nextDown, edge, edge.nextUp, edge * (1 + 1e-10), edge * (1 - 1e-10)] {
                let expected = Self.byTan(hw, psi, shortest)
                decidedBoth.insert(expected)
                if Self.shortcut(hw, psi, shortest) != expected { mismatches.append("\(hw) \(psi) \(shortest)") }
            }
        }
        #expect(mismatches.count == 0, "\(mismatches.prefix(5))")
        #expect(decidedBoth == [true, false])
        // Straight on, and the tiniest turns.
        for psi in [0.0, -0.0, 1e-300, -1e-12, 1e-8] {
            for shortest in [0.0, 1e-9, 1] { #expect(Self.shortcut(0.7, psi, shortest) == Self.byTan(0.7, psi, shortest)) }
        }
    }
}
