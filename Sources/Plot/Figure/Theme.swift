import Raster

/// Sizes and colours of the non-data parts of a figure — matplotlib's rcParams
/// that course figures touch. Sizes are in points (1/72 inch), as in matplotlib.
public struct Theme: Sendable, Hashable {
    public var fontSize: Double = 10          // text(), annotations
    public var titleSize: Double = 12         // 'large'
    public var labelSize: Double = 10         // axis labels
    public var tickLabelSize: Double = 10
    public var legendFontSize: Double = 10
    public var lineWidth: Double = 1.5
    public var markerSize: Double = 6
    public var markerEdgeWidth: Double = 1
    public var axesLineWidth: Double = 0.8
    public var tickLength: Double = 3.5
    public var tickWidth: Double = 0.8
    public var tickPad: Double = 3.5          // tick end → tick label
    public var labelPad: Double = 4           // tick labels → axis label
    public var titlePad: Double = 6           // axes top → title baseline
    public var textColor: Color = .black
    public var axesEdgeColor: Color = .black
    public var axesFaceColor: Color = .white
    public var figureFaceColor: Color = .white
    public var gridColor: Color = Color(hex: 0xb0b0b0)
    public var gridLineWidth: Double = 0.8

    public init() {}

    /// matplotlib's defaults.
    public static let matplotlib = Theme()

    /// seaborn's `set_context('paper', font_scale=…)` with `set_style('ticks')`, as
    /// seed 000 sets it: the notebook context scaled by 0.8, fonts by `fontScale`,
    /// dark grey (.15) text and spines.
    public static func seabornPaper(fontScale: Double = 1) -> Theme {
        var t = Theme()
        let paper = 0.8
        t.fontSize = 12 * paper * fontScale
        t.titleSize = 12 * paper * fontScale
        t.labelSize = 12 * paper * fontScale
        t.tickLabelSize = 11 * paper * fontScale
        t.legendFontSize = 11 * paper * fontScale
        t.lineWidth = 1.5 * paper
        t.markerSize = 6 * paper
        t.axesLineWidth = 1.25 * paper
        t.tickLength = 6 * paper
        t.tickWidth = 1.25 * paper
        t.gridLineWidth = 1 * paper
        let dark = Color(r: 0.15, g: 0.15, b: 0.15)
        t.textColor = dark
        t.axesEdgeColor = dark
        return t
    }

    /// The theme called `name`: `matplotlib` (default), `seaborn-paper` (font scale
    /// 1) or `seaborn-paper-2` (font scale 2, as seed 000); nil for other names.
    public static func named(_ name: String) -> Theme? {
        switch name.lowercased() {
        case "matplotlib", "default": return .matplotlib
        case "seaborn-paper": return .seabornPaper()
        case "seaborn-paper-2": return .seabornPaper(fontScale: 2)
        default: return nil
        }
    }
}
