import Foundation

/// Tick labels as matplotlib's `ScalarFormatter` writes them on a linear axis:
/// every label with the same number of decimals, the fewest that still tell the
/// ticks apart (`0`, `0.5`, `1.0`, `2.5`), a true minus sign (U+2212), never a
/// binary artefact like `0.30000000000000004`.
///
/// Values whose magnitude is ≥ 1e6 or < 1e-5 (relative to the range) get a common
/// power of ten: the labels are mantissas and `multiplierLabel` holds `×10^n`
/// text (`1e6`) for the axis end, as matplotlib's offset text.
public struct TickFormatter: Sendable {
    public let labels: [String]
    /// `1e6`-style multiplier shown at the end of the axis, or nil.
    public let multiplierLabel: String?

    public static let minus = "\u{2212}"

    /// Labels for `ticks` (the ticks visible on the axis).
    public init(ticks: [Double]) {
        let finite = ticks.filter(\.isFinite)
        guard !finite.isEmpty else { labels = ticks.map { _ in "" }; multiplierLabel = nil; return }
        let largest = finite.map(abs).max()!
        var oom = 0
        if largest > 0 {
            let o = Int(floor(log10(largest)))
            if o >= 6 || o <= -5 { oom = o }   // matplotlib's default powerlimits (−5, 6)
        }
        let scale = pow(10, Double(oom))
        let scaled = finite.map { $0 / scale }
        let decimals = TickFormatter.decimals(for: scaled)
        labels = ticks.map { t in
            t.isFinite ? TickFormatter.format(t / scale, decimals: decimals) : ""
        }
        multiplierLabel = oom == 0 ? nil : "1e\(oom)".replacingOccurrences(of: "-", with: TickFormatter.minus)
    }

    /// The fewest decimals that keep every value within 1e-3 of the range's order
    /// of magnitude of its rounded form (matplotlib's `_set_format`).
    static func decimals(for values: [Double]) -> Int {
        var range = (values.max() ?? 0) - (values.min() ?? 0)
        if range == 0 { range = values.map(abs).max() ?? 1 }
        if range == 0 { range = 1 }
        let rangeOOM = Int(floor(log10(range)))
        let threshold = 1e-3 * pow(10, Double(rangeOOM))
        var sigfigs = max(0, 3 - rangeOOM)
        while sigfigs >= 0 {
            let p = pow(10, Double(sigfigs))
            let err = values.map { abs($0 - ($0 * p).rounded() / p) }.max() ?? 0
            if err < threshold { sigfigs -= 1 } else { break }
        }
        return sigfigs + 1
    }

    /// `value` with `decimals` digits after the point, a true minus, no "−0".
    public static func format(_ value: Double, decimals: Int) -> String {
        var s = String(format: "%.\(max(0, decimals))f", value)
        if s.hasPrefix("-") {
            // "-0.0" is zero: matplotlib shows it without a sign.
            if s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
            else { s = minus + s.dropFirst() }
        }
        return s
    }
}
