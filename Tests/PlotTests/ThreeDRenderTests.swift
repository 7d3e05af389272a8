import Foundation
import Testing
import Raster
@testable import Plot

/// Depth test, shading, coverage and determinism of the 3-D renderer.
struct ThreeDRenderTests {
    static let blue = Color(r: 0, g: 0, b: 1)
    static let red = Color(r: 1, g: 0, b: 0)

    /// A bare axes (no panes or ticks) holding one unshaded flat surface.
    func bareAxes(_ f: @escaping (Double, Double) -> Double, n: Int = 30) -> Axes3D {
        var ax = Axes3D()
        var s = Surface3D(x: -1...1, y: -1...1, nx: n, ny: n, coloring: .flat(Self.blue), f)
        s.shade = false
        ax.surfaces = [s]
        ax.showAxes = false
        ax.zlim = -1...1
        return ax
    }

    func scene(_ ax: Axes3D, width: Int = 400, height: Int = 400) throws -> TestScene {
        try TestScene(axes: ax, width: width, height: height)
    }

    @Test func pathBehindTheSurfaceIsHiddenAndInFrontIsDrawn() throws {
        var ax = bareAxes { _, _ in 0 }
        // Two short paths at the middle of the plane: one under it, one above.
        let below = Vector3(0, 0, -0.5), above = Vector3(0.3, -0.3, 0.5)
        ax.paths = [Path3D(points: [below, below + Vector3(0.05, 0, 0)], color: Self.red, lineWidth: 4),
                    Path3D(points: [above, above + Vector3(0.05, 0, 0)], color: Self.red, lineWidth: 4)]
        let s = try scene(ax)
        let image = s.frame(upTo: 1)
        let pb = s.camera.pixel(below), pa = s.camera.pixel(above)
        // Below the plane, seen from above: the plane covers it.
        #expect(image[Int(pb.x), Int(pb.y)] == Self.blue, "\(image[Int(pb.x), Int(pb.y)])")
        // Above the plane: drawn.
        #expect(image[Int(pa.x), Int(pa.y)] == Self.red, "\(image[Int(pa.x), Int(pa.y)])")
        // Without the path, the surface is there at the hidden point.
        #expect(s.image[Int(pb.x), Int(pb.y)] == Self.blue)
    }

    @Test func pathOnASlopedSurfaceIsDrawnAndAHillHidesIt() throws {
        // A ridge z = 0.8·exp(−(x/0.3)²) along y; default view looks from +x, −y,
        // above: a path on the far side (x < 0) at the foot of the ridge is hidden
        // by the ridge, one on the near side is drawn.
        let f: (Double, Double) -> Double = { x, _ in 0.8 * exp(-(x / 0.3) * (x / 0.3)) }
        var ax = bareAxes(f, n: 80)
        let far = [Vector3(-0.45, -0.1, f(-0.45, 0)), Vector3(-0.45, 0.1, f(-0.45, 0))]
        let near = [Vector3(0.6, -0.1, f(0.6, 0)), Vector3(0.6, 0.1, f(0.6, 0))]
        ax.paths = [Path3D(points: far, color: Self.red, lineWidth: 3), Path3D(points: near, color: Self.red, lineWidth: 3)]
        let s = try scene(ax)
        let image = s.frame(upTo: 1)
        let pf = s.camera.pixel(Vector3(-0.45, 0, f(-0.45, 0))), pn = s.camera.pixel(Vector3(0.6, 0, f(0.6, 0)))
        // The ridge is in front of the far path: the ridge's depth there is nearer.
        let ridgeDepth = s.depth.depth(atPixel: pf.x, pf.y)
        #expect(ridgeDepth < Float(s.camera.project(Vector3(-0.45, 0, f(-0.45, 0))).z) - 0.005)
        #expect(image[Int(pf.x), Int(pf.y)] == Self.blue, "\(image[Int(pf.x), Int(pf.y)])")
        #expect(image[Int(pn.x), Int(pn.y)] == Self.red, "\(image[Int(pn.x), Int(pn.y)])")
    }

    @Test func shadingFollowsMatplotlibsFormulaAndIsMonotonic() {
        let l = LightSource.matplotlibSurface.direction
        #expect(abs(l.x - -0.66666675) < 1e-6 && abs(l.y - -0.66666675) < 1e-6 && abs(l.z - 0.33333299) < 1e-6)
        #expect(abs(Surface3D.shadeFactor(normal: l, light: l) - 1) < 1e-12)
        #expect(abs(Surface3D.shadeFactor(normal: -l, light: l) - 0.3) < 1e-12)
        var last = 0.0
        for k in 0...20 {
            // Normals turning from away from the light to towards it.
            let t = Double(k) / 20 * .pi
            let n = (l * cos(t) + Vector3(l.y, -l.x, 0).normalized * sin(t)).normalized
            let s = Surface3D.shadeFactor(normal: -n, light: l)
            #expect(s >= last - 1e-12)
            last = s
        }
        // A plane facing the light (rising towards +x, +y: its upward normal leans
        // to −x, −y, where the light is) is brighter than one facing away.
        let towards = Surface3D(x: 0...1, y: 0...1, nx: 3, ny: 3, coloring: .flat(.white)) { x, y in x + y }
        let away = Surface3D(x: 0...1, y: 0...1, nx: 3, ny: 3, coloring: .flat(.white)) { x, y in -x - y }
        #expect(towards.cellColors()[0].r > away.cellColors()[0].r)
        // A colormap surface is not shaded by default (matplotlib's shade=cmap is None).
        let mapped = Surface3D(x: 0...1, y: 0...1, nx: 3, ny: 3, coloring: .colormap(.gnuplot)) { x, _ in x }
        #expect(!mapped.shade)
    }

    @Test func surfaceHasNoHolesOrSeams() throws {
        // A bumpy but fold-free surface, seen from above: every depth sample
        // strictly inside the projected outline of the grid is covered, and every
        // pixel all of whose samples are inside is exactly the surface colour.
        let f: (Double, Double) -> Double = { x, y in 0.15 * sin(3 * x) * cos(2 * y) }
        let ax = bareAxes(f, n: 23)
        let s = try scene(ax, width: 300, height: 300)
        let surface = ax.surfaces[0]
        var outline: [Point] = []
        for i in 0..<surface.nx { outline.append(s.camera.pixel(surface.point(i, 0))) }
        for j in 1..<surface.ny { outline.append(s.camera.pixel(surface.point(surface.nx - 1, j))) }
        for i in stride(from: surface.nx - 2, through: 0, by: -1) { outline.append(s.camera.pixel(surface.point(i, surface.ny - 1))) }
        for j in stride(from: surface.ny - 2, through: 1, by: -1) { outline.append(s.camera.pixel(surface.point(0, j))) }
        let d = s.depth, n = Double(d.samples)
        var inside = 0, holes = 0
        var pixelInside = [Int](repeating: 0, count: d.width * d.height)
        for sy in 0..<(d.height * d.samples) {
            for sx in 0..<(d.width * d.samples) {
                let p = Point(Double(d.originX) + (Double(sx) + 0.5) / n, Double(d.originY) + (Double(sy) + 0.5) / n)
                guard ThreeDRenderTests.strictlyInside(p, outline, margin: 0.01) else { continue }
                inside += 1
                pixelInside[(sy / d.samples) * d.width + sx / d.samples] += 1
                if !d.depth[sy * d.width * d.samples + sx].isFinite { holes += 1 }
            }
        }
        #expect(inside > 100_000)
        #expect(holes == 0)
        var checked = 0
        for (k, count) in pixelInside.enumerated() where count == d.samples * d.samples {
            let c = s.image[d.originX + k % d.width, d.originY + k / d.width]
            #expect(c == Self.blue, "pixel \(k): \(c)")
            checked += 1
            if c != Self.blue { break }
        }
        #expect(checked > 5000)
    }

    @Test func sharedEdgeSamplesBelongToExactlyOneTriangle() {
        // A square whose corners and diagonal pass exactly through sample centres
        // (4 × 4 samples: sample k sits at pixel (k + ½)/4), split into two
        // triangles, drawn in either order and with both windings: the two sets of
        // covered samples are disjoint and together fill the square's interior and
        // its diagonal.
        func px(_ k: Double) -> Double { (k + 0.5) / 4 }
        let a = Vector3(px(0), px(0), 0.5), b = Vector3(px(16), px(0), 0.5)
        let c = Vector3(px(16), px(16), 0.5), d = Vector3(px(0), px(16), 0.5)
        for (t1, t2) in [((a, b, c), (a, c, d)), ((c, b, a), (d, c, a))] {
            var one = DepthBuffer(originX: 0, originY: 0, width: 6, height: 6, samples: 4)
            var two = one
            one.fillTriangle(t1.0, t1.1, t1.2, color: 1)
            two.fillTriangle(t2.0, t2.1, t2.2, color: 2)
            var both = 0, missing = 0
            for j in 0..<24 {
                for i in 0..<24 {
                    let k = j * 24 + i
                    let inOne = one.depth[k].isFinite, inTwo = two.depth[k].isFinite
                    if inOne && inTwo { both += 1 }
                    // Strictly inside the square, or on the diagonal away from the corners.
                    if i > 0 && i < 16 && j > 0 && j < 16 && !(inOne || inTwo) { missing += 1 }
                }
            }
            #expect(both == 0, "samples covered twice: \(both)")
            #expect(missing == 0, "samples covered by neither: \(missing)")
        }
    }

    /// Nonzero winding of `outline` around `p`, with `p` farther than `margin` from every edge.
    static func strictlyInside(_ p: Point, _ outline: [Point], margin: Double) -> Bool {
        var winding = 0
        for k in outline.indices {
            let a = outline[k], b = outline[(k + 1) % outline.count]
            let ab = b - a, ap = p - a
            let t = min(max(ap.dot(ab) / max(ab.dot(ab), 1e-300), 0), 1)
            if (a + ab * t - p).length <= margin { return false }
            if a.y <= p.y {
                if b.y > p.y && ab.cross(ap) > 0 { winding += 1 }
            } else if b.y <= p.y && ab.cross(ap) < 0 { winding -= 1 }
        }
        return winding != 0
    }

    @Test func rendersAreDeterministicAndTheLastFrameIsTheStill() throws {
        let font = try Font.defaultFont()
        let fig = try ThreeDFixtures.saddle(steps: 40, gridPoints: 30)
        let a = fig.render(font: font), b = fig.render(font: font)
        #expect(a == b)
        let anim = FigureAnimation(figure: fig, font: font)
        #expect(fig.lastStep == 40 && anim.frameCount == 41)
        let frames = anim.frames([0, 40])
        #expect(frames[1] == a)
        // Frame 0 shows only the start points: not the finished figure.
        #expect(frames[0] != a)
    }

    @Test func projectedContoursLieOnTheLevelSetAndThePlane() {
        let s = Surface3D(x: -2...2, y: -2...2, nx: 81, ny: 81, coloring: .flat(.white)) { x, y in x * x + y * y }
        let c = ProjectedContour(surface: s, offset: -1)
        let segments = c.segments(level: 1)
        #expect(segments.count > 50)
        for (a, b) in segments {
            #expect(a.z == -1 && b.z == -1)
            // Linear interpolation on 0.05 cells: within 0.2 % of the unit circle.
            #expect(abs((a.x * a.x + a.y * a.y).squareRoot() - 1) < 2e-3)
        }
        // matplotlib's levels for contour lines: inside (min, max) only.
        let levels = c.resolvedLevels()
        #expect(levels.allSatisfy { $0 > 0 && $0 < 8 })
        #expect(!levels.isEmpty)
    }

    @Test func pathsAreCutAtTheBox() {
        let box = Box3D(x: -1...1, y: -1...1, z: -1...1)
        let p = Path3D(points: [Vector3(0, 0, 0), Vector3(0, 0, 0.5), Vector3(0, 0, 3), Vector3(0, 0, 4),
                                Vector3(0, 0, 0)], color: .black)
        // In; out through the top; outside; back in through the top.
        #expect(p.segment(1, clippedTo: box)! == (Vector3(0, 0, 0), Vector3(0, 0, 0.5)))
        #expect(p.segment(2, clippedTo: box)! == (Vector3(0, 0, 0.5), Vector3(0, 0, 1)))
        #expect(p.segment(3, clippedTo: box) == nil)
        #expect(p.segment(4, clippedTo: box)! == (Vector3(0, 0, 1), Vector3(0, 0, 0)))
        #expect(p.segment(3, clippedTo: nil)! == (Vector3(0, 0, 3), Vector3(0, 0, 4)))
        #expect(p.segment(0, clippedTo: nil) == nil && p.segment(5, clippedTo: nil) == nil)
        #expect(box.clip(Vector3(2, 2, 2), Vector3(3, 3, 3)) == nil)
    }

    /// A figure that orbits sizes its depth buffer for every azimuth of the
    /// orbit, so each frame's buffer is the same; the pixels are those of a
    /// buffer sized for the frame's own azimuth.
    @Test func anOrbitsDepthBufferIsOneSizeAndChangesNoPixel() throws {
        let font = try Font.defaultFont()
        var fig = try ThreeDFixtures.saddle(steps: 20, gridPoints: 20, headMarker: .circle)
        fig.width = 6
        fig.height = 4
        fig[axes3D: 0].legend = nil        // an orbit places its legend for every azimuth
        let plain = fig[axes3D: 0]
        var orbiting = plain
        orbiting.orbitAzimuths = (0..<8).map { plain.azimuth + 45 * Double($0) }
        var regions: Set<[Int]> = [], ownRegions: Set<[Int]> = []
        func region(_ figure: Figure) throws -> [Int] {
            let depth = try #require(figure.laidOut(font: font).first as? Scene3D).depth
            return [depth.originX, depth.originY, depth.width, depth.height]
        }
        for turn in stride(from: 0.0, to: 360, by: 45) {
            var still = fig, orbit = fig
            still.panels = [plain.turned(byAzimuth: turn)]
            orbit.panels = [orbiting.turned(byAzimuth: turn)]
            let same = orbit.render(font: font) == still.render(font: font)
            #expect(same, "turned by \(turn)°")
            regions.insert(try region(orbit))
            ownRegions.insert(try region(still))
        }
        #expect(regions.count == 1, "\(regions)")
        #expect(ownRegions.count > 1, "sized per azimuth, the buffers differ: \(ownRegions)")
    }

    @Test func framesDrawnInAnyOrderAreTheSame() throws {
        let font = try Font.defaultFont()
        let fig = try ThreeDFixtures.saddle(steps: 30, gridPoints: 20, headMarker: .circle)
        let anim = FigureAnimation(figure: fig, font: font)
        let f = anim.frames([20, 7, 7, 20])
        #expect(f[2] == f[1] && f[3] == f[0])
        #expect(f[0] != f[1])
    }

    @Test func legendSitsInTheAxesCornerWithTheLineColours() throws {
        let font = try Font.defaultFont()
        var ax = bareAxes { _, _ in 0 }
        ax.paths = [Path3D(points: [Vector3(0, 0, 0), Vector3(0.5, 0, 0)], color: Self.red, lineWidth: 2, label: "SGD"),
                    Path3D(points: [Vector3(0, 0, 0), Vector3(0, 0.5, 0)], color: Self.blue, lineWidth: 2, label: "Adam")]
        ax.legend = Legend(location: .upperLeft)
        var fig = Figure(width: 10, height: 6, dpi: 100)
        fig.add(ax)
        let image = fig.render(font: font)
        let area = fig.plotAreas(font: font)[0].area
        // matplotlib: 0.5 × 10 pt from the axes corner; the box's grey edge starts there.
        let inset = 0.5 * 10 * 100 / 72
        let edge = image[Int(area.minX + inset + 8), Int((area.minY + inset).rounded())]
        #expect(edge != .white && edge.r > 0.6, "legend edge at the corner: \(edge)")
        // The entries' line samples in their colours, inside the legend's quarter.
        var seen = Set<Color>()
        for y in Int(area.minY)..<Int(area.minY + 60) {
            for x in Int(area.minX)..<Int(area.minX + 120) { seen.insert(image[x, y]) }
        }
        #expect(seen.contains(Self.red) && seen.contains(Self.blue))
    }
}

/// A 3-D axes laid out in the default subplot box of a `width × height` figure,
/// with its static layer and frames on a white background.
struct TestScene {
    let scene: Scene3D
    let width: Int, height: Int

    init(axes: Axes3D, width: Int, height: Int) throws {
        self.width = width
        self.height = height
        let env = DrawEnvironment(font: try Font.defaultFont(), theme: .matplotlib, dpi: 100,
                                  figureWidth: width, figureHeight: height)
        let p = axes.position, W = Double(width), H = Double(height)
        let box = Rect(x: p.minX * W, y: (1 - p.maxY) * H, width: p.width * W, height: p.height * H)
        scene = Scene3D(axes: axes, box: box, environment: env)
    }

    var camera: Camera3D { scene.camera }
    var depth: DepthBuffer { scene.depth }

    /// The static layer alone.
    var image: Image {
        var canvas: any Canvas = RasterCanvas(width: width, height: height, background: .white)
        scene.drawStatic(on: &canvas)
        return (canvas as! RasterCanvas).image
    }

    /// The static layer with the paths up to point `k`.
    func frame(upTo k: Int) -> Image {
        var canvas: any Canvas = RasterCanvas(image: image)
        scene.drawMoving(atStep: k, on: &canvas)
        return (canvas as! RasterCanvas).image
    }
}
