import Testing
@testable import Plot

/// Expected values printed by matplotlib 3.11.2 (`MaxNLocator(...).tick_values`,
/// and the labels of a drawn axis).
struct TickTests {
    static let axisCases: [(Double, Double, [Double])] = [
        (-5.5, 3, [-6, -5, -4, -3, -2, -1, 0, 1, 2, 3]),
        (-3, 3, [-3, -2, -1, 0, 1, 2, 3]),
        (0, 21.025, [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 22.5]),
        (0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]),
        (0.001, 0.0037, [0.001, 0.0015, 0.002, 0.0025, 0.003, 0.0035, 0.004]),
        (-2, -1.9, [-2, -1.98, -1.96, -1.94, -1.92, -1.9]),
        (1e6, 3e6, [1e6, 1.25e6, 1.5e6, 1.75e6, 2e6, 2.25e6, 2.5e6, 2.75e6, 3e6]),
        (0, 100, [0, 20, 40, 60, 80, 100]),
        (-10, 10, [-10, -7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10]),
        (0, 0.3, [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]),
        (1000, 1010, [1000, 1002, 1004, 1006, 1008, 1010]),
        (0, 37, [0, 5, 10, 15, 20, 25, 30, 35, 40]),
    ]

    static let contourCases: [(Double, Double, [Double])] = [
        (0, 21.025, [0, 3, 6, 9, 12, 15, 18, 21, 24]),
        (-5.5, 3, [-6, -4.5, -3, -1.5, 0, 1.5, 3]),
        (-3, 3, [-3.2, -2.4, -1.6, -0.8, 0, 0.8, 1.6, 2.4, 3.2]),
        (0, 1, [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.05]),
        (0, 100, [0, 15, 30, 45, 60, 75, 90, 105]),
        (1000, 1010, [1000, 1001.5, 1003, 1004.5, 1006, 1007.5, 1009, 1010.5]),
        (-2, -1.9, [-2.01, -1.995, -1.98, -1.965, -1.95, -1.935, -1.92, -1.905, -1.89]),
    ]

    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) }
    }

    @Test(arguments: axisCases.indices)
    func axisTicksMatchMatplotlib(_ k: Int) {
        let (lo, hi, expected) = TickTests.axisCases[k]
        let got = MaxNLocator.axis().ticks(lo, hi)
        #expect(TickTests.close(got, expected), "[\(lo), \(hi)]: \(got)")
    }

    @Test(arguments: contourCases.indices)
    func contourLevelsMatchMatplotlib(_ k: Int) {
        let (lo, hi, expected) = TickTests.contourCases[k]
        let got = ContourLevels.automatic(zmin: lo, zmax: hi)
        #expect(TickTests.close(got, expected), "[\(lo), \(hi)]: \(got)")
    }

    @Test func degenerateRangesStillGiveTicks() {
        #expect(MaxNLocator.axis().ticks(2, 2).count >= 2)
        #expect(MaxNLocator.axis().ticks(0, 0).count >= 2)
        #expect(MaxNLocator.axis().ticks(.nan, 1).count >= 2)
        #expect(MaxNLocator.axis().ticks(3, -3) == MaxNLocator.axis().ticks(-3, 3))
    }

    @Test func labelsMatchMatplotlib() {
        let minus = "\u{2212}"
        let cases: [([Double], [String], String?)] = [
            ([-6, -5, -4, -3, -2, -1, 0, 1, 2, 3], ["−6", "−5", "−4", "−3", "−2", "−1", "0", "1", "2", "3"], nil),
            ([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1], ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], nil),
            ([-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1],
             ["−1.00", "−0.75", "−0.50", "−0.25", "0.00", "0.25", "0.50", "0.75", "1.00"], nil),
            ([0, 0.05, 0.1, 0.15000000000000002, 0.2, 0.25, 0.30000000000000004],
             ["0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"], nil),
            ([0.001, 0.0015, 0.002, 0.0025, 0.003, 0.0035, 0.004],
             ["0.0010", "0.0015", "0.0020", "0.0025", "0.0030", "0.0035", "0.0040"], nil),
            ([-2, -1.98, -1.96, -1.94, -1.92, -1.9], ["−2.00", "−1.98", "−1.96", "−1.94", "−1.92", "−1.90"], nil),
            ([1e6, 1.25e6, 1.5e6, 1.75e6, 2e6, 2.25e6, 2.5e6, 2.75e6, 3e6],
             ["1.00", "1.25", "1.50", "1.75", "2.00", "2.25", "2.50", "2.75", "3.00"], "1e6"),
            ([0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 22.5],
             ["0.0", "2.5", "5.0", "7.5", "10.0", "12.5", "15.0", "17.5", "20.0", "22.5"], nil),
            ([0, 20, 40, 60, 80, 100], ["0", "20", "40", "60", "80", "100"], nil),
        ]
        for (ticks, labels, mult) in cases {
            let f = TickFormatter(ticks: ticks)
            #expect(f.labels == labels.map { $0.replacingOccurrences(of: "−", with: minus) })
            #expect(f.multiplierLabel == mult)
        }
    }

    @Test func negativeZeroHasNoSign() {
        #expect(TickFormatter.format(-0.0, decimals: 1) == "0.0")
        #expect(TickFormatter.format(-0.00001, decimals: 2) == "0.00")
        #expect(TickFormatter.format(-2.5, decimals: 1) == "\u{2212}2.5")
    }
}
