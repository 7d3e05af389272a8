/// The run as text: the JSON and CSV that `optrender trace` prints.
extension Run {
    /// JSON with the keys `objective`, `optimizer`, `trajectory` (the points, each an array of
    /// coordinates, start included), `loss` and `diverged_at` (null or the step number), in that
    /// order, two-space indented. Numbers round-trip exactly (``NumberText/format(_:)``);
    /// non-finite numbers are the strings "inf", "-inf", "nan".
    public var json: String {
        let trajectory = points.map { "[" + $0.map(NumberText.json).joined(separator: ", ") + "]" }
        return """
            {
              "objective": \(Self.jsonString(objective)),
              "optimizer": \(Self.jsonString(optimizer)),
              "trajectory": [\(trajectory.joined(separator: ", "))],
              "loss": [\(losses.map(NumberText.json).joined(separator: ", "))],
              "diverged_at": \(divergedAt.map(String.init) ?? "null")
            }

            """
    }

    /// CSV with a header and one row per point: `step,x,y,loss` for 2-D runs, `step,x,loss`
    /// for 1-D, `step,x1,…,xn,loss` otherwise. Lines end with "\n". The divergence step is not
    /// in the CSV (the rows simply stop); the caller reports it.
    public var csv: String {
        let dimension = points.first?.count ?? 0
        let names: [String]
        switch dimension {
        case 1: names = ["x"]
        case 2: names = ["x", "y"]
        default: names = (1...max(1, dimension)).map { "x\($0)" }
        }
        var lines = [(["step"] + names + ["loss"]).joined(separator: ",")]
        for (step, (point, loss)) in zip(points, losses).enumerated() {
            lines.append(([String(step)] + point.map(NumberText.format) + [NumberText.format(loss)]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
