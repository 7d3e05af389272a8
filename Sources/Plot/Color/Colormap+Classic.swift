import Raster

/// matplotlib's segmented maps from its `_cm.py`: `jet` and `summer` (MATLAB's
/// maps) and Kenneth Moreland's diverging `coolwarm`. Each is built from its
/// segment data by `Colormap.segmented`, as `LinearSegmentedColormap` does.
extension Colormap {
    /// MATLAB's jet: dark blue → blue → cyan → yellow → red → dark red.
    public static let jet = segmented(
        name: "jet",
        red: [Anchor(0, 0), Anchor(0.35, 0), Anchor(0.66, 1), Anchor(0.89, 1), Anchor(1, 0.5)],
        green: [Anchor(0, 0), Anchor(0.125, 0), Anchor(0.375, 1), Anchor(0.64, 1), Anchor(0.91, 0), Anchor(1, 0)],
        blue: [Anchor(0, 0.5), Anchor(0.11, 1), Anchor(0.34, 1), Anchor(0.65, 0), Anchor(1, 0)])!

    /// MATLAB's summer: (0, 0.5, 0.4) → (1, 1, 0.4), linear in each channel.
    public static let summer = segmented(
        name: "summer",
        red: [Anchor(0, 0), Anchor(1, 1)],
        green: [Anchor(0, 0.5), Anchor(1, 1)],
        blue: [Anchor(0, 0.4), Anchor(1, 0.4)])!

    /// Moreland's coolwarm: 33 evenly spaced anchors per channel (x = k/32), the
    /// values matplotlib lists.
    public static let coolwarm: Colormap = {
        let red = [
            0.2298057, 0.26623388, 0.30386891, 0.342804478, 0.38301334, 0.424369608, 0.46666708,
            0.509635204, 0.552953156, 0.596262162, 0.639176211, 0.681291281, 0.722193294, 0.761464949,
            0.798691636, 0.833466556, 0.865395197, 0.897787179, 0.924127593, 0.944468518, 0.958852946,
            0.96732803, 0.969954137, 0.966811177, 0.958003065, 0.943660866, 0.923944917, 0.89904617,
            0.869186849, 0.834620542, 0.795631745, 0.752534934, 0.705673158,
        ]
        let green = [
            0.298717966, 0.353094838, 0.406535296, 0.458757618, 0.50941904, 0.558148092, 0.604562568,
            0.648280772, 0.688929332, 0.726149107, 0.759599947, 0.788964712, 0.813952739, 0.834302879,
            0.849786142, 0.860207984, 0.86541021, 0.848937047, 0.827384882, 0.800927443, 0.769767752,
            0.734132809, 0.694266682, 0.650421156, 0.602842431, 0.551750968, 0.49730856, 0.439559467,
            0.378313092, 0.312874446, 0.24128379, 0.157246067, 0.01555616,
        ]
        let blue = [
            0.753683153, 0.801466763, 0.84495867, 0.883725899, 0.917387822, 0.945619588, 0.968154911,
            0.98478814, 0.995375608, 0.999836203, 0.998151185, 0.990363227, 0.976574709, 0.956945269,
            0.931688648, 0.901068838, 0.865395561, 0.820880546, 0.774508472, 0.726736146, 0.678007945,
            0.628751763, 0.579375448, 0.530263762, 0.481775914, 0.434243684, 0.387970225, 0.343229596,
            0.300267182, 0.259301199, 0.220525627, 0.184115123, 0.150232812,
        ]
        // The anchors sit at k/32 exactly (0.03125 steps are binary fractions).
        func anchors(_ ys: [Double]) -> [Anchor] {
            ys.enumerated().map { Anchor(Double($0.offset) / 32, $0.element) }
        }
        return segmented(name: "coolwarm", red: anchors(red), green: anchors(green), blue: anchors(blue))!
    }()
}
