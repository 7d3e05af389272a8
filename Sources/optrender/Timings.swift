import Dispatch
import Foundation

/// The hidden `--timings FILE` option, for `make bench`: one tab-separated line
/// per figure — name, build seconds (spec → figure: the optimizer runs, the
/// experiments), render seconds (drawing every frame), encode seconds — in spec order.
enum Timings {
    static func seconds(_ from: DispatchTime, _ to: DispatchTime) -> Double {
        Double(to.uptimeNanoseconds - from.uptimeNanoseconds) / 1e9
    }

    static func write(_ reports: [FigureReport], to path: String) throws {
        let lines = reports.map { "\($0.name)\t\(String(format: "%.4f", $0.buildSeconds))\t\(String(format: "%.4f", $0.renderSeconds))\t\(String(format: "%.4f", $0.encodeSeconds))\n" }
        try Data(("figure\tbuild_s\trender_s\tencode_s\n" + lines.joined()).utf8).write(to: URL(fileURLWithPath: path))
    }
}
