import Foundation

/// Ticks on a log axis, as matplotlib's `LogLocator` with `LogFormatterSciNotation`:
/// one tick per decade (every n-th decade when there are many), labelled `10^k`
/// in math text; when the view holds fewer than two decade ticks, ticks at 1, 2
/// and 5 × 10^k as well, so the axis is never bare.
public enum LogLocator {
    /// Tick values and their labels within [vmin, vmax] (both > 0; otherwise the
    /// range is taken as [1e-3, 1]).
    public static func ticks(_ vmin: Double, _ vmax: Double, maxTicks: Int = 9) -> [(value: Double, label: String)] {
        var (lo, hi) = (min(vmin, vmax), max(vmin, vmax))
        if !(lo > 0) || !lo.isFinite || !hi.isFinite { (lo, hi) = (1e-3, 1) }
        if hi <= lo { hi = lo * 10 }
        let kLo = Int(floor(log10(lo) + 1e-12)), kHi = Int(ceil(log10(hi) - 1e-12))
        let decades = max(1, kHi - kLo)
        let stride = max(1, Int(ceil(Double(decades + 1) / Double(maxTicks))))
        let tol = 1e-9
        func inside(_ v: Double) -> Bool { v >= lo * (1 - tol) && v <= hi * (1 + tol) }
        var out: [(Double, String)] = []
        for k in kLo...kHi where (k - kLo) % stride == 0 || stride == 1 {
            let v = pow(10, Double(k))
            if inside(v) { out.append((v, decadeLabel(k))) }
        }
        if out.count >= 2 { return out }
        // Too few decades in view: label 1, 2, 5 of each decade.
        out = []
        for k in (kLo - 1)...kHi {
            for m in [1.0, 2, 5] {
                let v = m * pow(10, Double(k))
                if inside(v) { out.append((v, m == 1 ? decadeLabel(k) : "$\(Int(m))\\times10^{\(k)}$")) }
            }
        }
        return out
    }

    /// `$10^{k}$`: math text, which draws the exponent raised and a true minus.
    static func decadeLabel(_ k: Int) -> String {
        "$10^{\(k)}$"
    }
}
