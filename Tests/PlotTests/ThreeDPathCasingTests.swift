import Foundation
import Testing
import Raster
@testable import Plot

/// 3-D paths read on any surface (a dark casing under every path), markers at
/// data points are projected and depth-tested, and the legend shows both as drawn.
struct ThreeDPathCasingTests {
    static let pink = Color(hex: 0xf19ec2)

    /// A bare axes holding one unshaded flat surface z = f in `color`.
    func bareAxes(_ color: Color, _ f: @escaping (Double, Double) -> Double = { _, _ in 0 }, n: Int = 30) -> Axes3D {
        var ax = Axes3D()
        var s = Surface3D(x: -1...1, y: -1...1, nx: n, ny: n, coloring: .flat(color), f)
        s.shade = false
        ax.surfaces = [s]
        ax.showAxes = false
        ax.zlim = -1...1
        return ax
    }

    /// Luma of a pixel, 0…1.
    func luma(_ c: Color) -> Double { 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b }

    /// A path in the surface's own colour (seed 004's RMSprop on its surface)
    /// shows: a dark rim beside its centre line. Without the casing it vanishes.
    @Test func aPathInTheSurfaceColourHasADarkCasing() throws {
        var ax = bareAxes(Self.pink)
        let a = Vector3(-0.5, 0, 0), b = Vector3(0.5, 0, 0)
        ax.paths = [Path3D(points: [a, b], color: Self.pink, lineWidth: 2)]
        let s = try TestScene(axes: ax, width: 400, height: 400)
        let image = s.frame(upTo: 1)
        let mid = s.camera.pixel(Vector3(0, 0, 0))
        // Walk across the line (vertically on screen): the darkest pixel within
        // 6 px is well below the surface's luma, the centre is the path's colour.
        let column = Int(mid.x)
        let darkest = (-6...6).map { luma(image[column, Int(mid.y) + $0]) }.min()!
        #expect(darkest < luma(Self.pink) - 0.25, "darkest \(darkest) vs surface \(luma(Self.pink))")
        #expect(image[column, Int(mid.y)] == Self.pink)

        ax.paths[0].casing = nil
        let plain = try TestScene(axes: ax, width: 400, height: 400).frame(upTo: 1)
        let plainDarkest = (-6...6).map { luma(plain[column, Int(mid.y) + $0]) }.min()!
        #expect(abs(plainDarkest - luma(Self.pink)) < 0.02, "without a casing the path is invisible")
    }

    /// The legend swatch of a cased path is cased too.
    @Test func legendEntryCarriesTheCasing() {
        let p = Path3D(points: [.zero, Vector3(1, 0, 0)], color: Self.pink, label: "RMSprop")
        #expect(p.legendEntry?.casing == LineCasing.dark)
        var q = p
        q.casing = nil
        #expect(q.legendEntry?.casing == nil)
    }

    /// A marker at a data point: drawn where the point projects when nothing
    /// is in front of it, hidden when a hill is; its legend entry is the marker alone.
    @Test func markersAreProjectedAndDepthTested() throws {
        // A ridge along y at x = 0: the default camera looks from +x, −y, above.
        let f: (Double, Double) -> Double = { x, _ in 0.8 * exp(-(x / 0.3) * (x / 0.3)) }
        var ax = bareAxes(Color(r: 0, g: 0, b: 1), f, n: 80)
        var style = LineStyle(color: Color(r: 1, g: 0, b: 0), marker: .diamond, markerSize: 10)
        style.markerEdgeColor = Color(r: 1, g: 0, b: 0)
        let hidden = Vector3(-0.45, 0, f(-0.45, 0)), shown = Vector3(0.6, 0, f(0.6, 0))
        ax.markers = [Marker3D(point: hidden, style: style, label: "behind"),
                      Marker3D(point: shown, style: style, label: "in front")]
        let s = try TestScene(axes: ax, width: 400, height: 400)
        let image = s.frame(upTo: 0)
        let ph = s.camera.pixel(hidden), ps = s.camera.pixel(shown)
        #expect(image[Int(ps.x), Int(ps.y)] == Color(r: 1, g: 0, b: 0), "\(image[Int(ps.x), Int(ps.y)])")
        #expect(image[Int(ph.x), Int(ph.y)] == Color(r: 0, g: 0, b: 1), "\(image[Int(ph.x), Int(ph.y)])")
        let entries = ax.legendEntries
        #expect(entries.map(\.label) == ["behind", "in front"])
        #expect(entries.allSatisfy { !$0.style.hasLine && $0.style.marker == .diamond })
    }
}
