import Foundation
import Testing
import Raster
@testable import Plot

/// The grid's piecewise-linear interpolant at `p`: the triangle of the cell that
/// holds p (corner k, corner k+1, centre), barycentric weights.
func interpolant(_ g: ContourGrid, at p: Point) -> Double {
    let i = min(max((g.xs.lastIndex { $0 <= p.x } ?? 0), 0), g.nx - 2)
    let j = min(max((g.ys.lastIndex { $0 <= p.y } ?? 0), 0), g.ny - 2)
    let best = g.triangles(i, j, corners: g.cellCorners(i, j), map: .identity).map { tri -> (Double, Double) in
        let (a, b, c) = (tri[0].p, tri[1].p, tri[2].p)
        let area = (b - a).cross(c - a)
        let wa = (b - p).cross(c - p) / area, wb = (c - p).cross(a - p) / area, wc = 1 - wa - wb
        // The triangle that holds p has no negative weight; keep the least negative.
        return (min(wa, wb, wc), wa * tri[0].z + wb * tri[1].z + wc * tri[2].z)
    }.max { $0.0 < $1.0 }!
    return best.1
}

/// Signed area of a closed polyline (positive = counter-clockwise, y up).
func signedArea(_ pts: [Point]) -> Double {
    zip(pts, pts.dropFirst() + [pts[0]]).reduce(0) { $0 + $1.0.cross($1.1) } / 2
}

struct ContourLineTests {
    let bowl = ContourGrid(x0: -2, x1: 2, y0: -2, y1: 2, nx: 161, ny: 161) { x, y in x * x + y * y }

    @Test func circleIsOneClosedLineOfLength2PiR() throws {
        for r in [0.5, 1.0, 1.7] {
            let lines = ContourLines(grid: bowl, level: r * r)
            #expect(lines.polylines.count == 1, "one long polyline, not many segments")
            let loop = try #require(lines.polylines.first)
            #expect(loop.isClosed)
            #expect(loop.points.first != loop.points.last, "closing point is implied, not repeated")
            #expect(loop.points.count > 100)
            // Chords of a circle: relative error O(h²/r²) with h = 0.025.
            #expect(abs(lines.length - 2 * .pi * r) / (2 * .pi * r) < 2e-3, "r \(r): length \(lines.length)")
        }
    }

    @Test func higherSideIsOnTheLeft() throws {
        // x² + y² rises outwards: the loop runs clockwise (negative area) …
        let up = try #require(ContourLines(grid: bowl, level: 1).polylines.first)
        #expect(signedArea(up.points) < 0)
        // … and around a peak it runs counter-clockwise.
        let cap = ContourGrid(x0: -2, x1: 2, y0: -2, y1: 2, nx: 81, ny: 81) { x, y in -(x * x + y * y) }
        let down = try #require(ContourLines(grid: cap, level: -1).polylines.first)
        #expect(signedArea(down.points) > 0)
        #expect(abs(abs(signedArea(down.points)) - .pi) < 0.01)
    }

    @Test func pointsLieOnTheLevelOfTheInterpolant() {
        let wavy = ContourGrid(x0: -3, x1: 3, y0: -2, y1: 2, nx: 61, ny: 41) { x, y in sin(x) * cos(2 * y) + 0.2 * x }
        for level in [-0.7, 0, 0.35, 1.1] {
            let lines = ContourLines(grid: wavy, level: level)
            #expect(!lines.polylines.isEmpty)
            for line in lines.polylines {
                for p in line.points { #expect(abs(interpolant(wavy, at: p) - level) < 1e-9, "\(p)") }
                // Midpoints of segments too: z is linear along each one.
                for (a, b) in zip(line.points, line.points.dropFirst()) {
                    #expect(abs(interpolant(wavy, at: a.lerp(b, 0.5)) - level) < 1e-9)
                }
            }
        }
    }

    @Test func linesAreTheEdgesOfTheFilledRegion() {
        // Every vertex of a line is a vertex of region(atLeast:) — bit for bit — and
        // every region vertex that is not a grid node or cell centre is on the line.
        let g = ContourGrid(x0: -2, x1: 2, y0: -1.5, y1: 1.5, nx: 33, ny: 25) { x, y in x * x - y * y + 0.3 * x * y }
        for level in [-0.8, 0.25, 1.5] {
            var regionPoints = Set<Point>()
            for e in g.region(atLeast: level, map: .identity).elements {
                if case .move(let p) = e { regionPoints.insert(p) }
                if case .line(let p) = e { regionPoints.insert(p) }
            }
            let linePoints = Set(ContourLines(grid: g, level: level).polylines.flatMap(\.points))
            #expect(!linePoints.isEmpty)
            #expect(linePoints.isSubset(of: regionPoints))
            let nodes = Set(g.ys.flatMap { y in g.xs.map { Point($0, y) } })
            let crossings = regionPoints.filter { p in
                !nodes.contains(p) && abs(interpolant(g, at: p) - level) < 1e-12
            }
            #expect(crossings.isSubset(of: linePoints))
        }
    }

    @Test func linesMeetingTheBorderAreOpen() {
        // Level 3 of x² + y² on [−2, 2]²: four arcs across the corners.
        let lines = ContourLines(grid: bowl, level: 5)
        #expect(lines.polylines.count == 4)
        for line in lines.polylines {
            #expect(!line.isClosed)
            for end in [line.points.first!, line.points.last!] {
                #expect(abs(abs(end.x) - 2) < 1e-12 || abs(abs(end.y) - 2) < 1e-12, "ends on the border: \(end)")
            }
        }
    }

    @Test func saddleGivesTwoBranches() {
        let saddle = ContourGrid(x0: -1, x1: 1, y0: -1, y1: 1, nx: 41, ny: 41) { x, y in x * x - y * y }
        #expect(ContourLines(grid: saddle, level: 0.25).polylines.count == 2)
        #expect(ContourLines(grid: saddle, level: -0.25).polylines.count == 2)
    }

    @Test func holesBreakLinesAndBadLevelsGiveNothing() {
        let holed = ContourGrid(x0: -2, x1: 2, y0: -2, y1: 2, nx: 81, ny: 81) { x, y in
            x > 0.5 && abs(y) < 0.3 ? .nan : x * x + y * y
        }
        let lines = ContourLines(grid: holed, level: 1)
        #expect(lines.polylines.count == 1)
        #expect(lines.polylines.allSatisfy { !$0.isClosed })
        #expect(ContourLines(grid: bowl, level: 100).polylines.isEmpty)
        #expect(ContourLines(grid: bowl, level: -1).polylines.isEmpty)
        #expect(ContourLines(grid: bowl, level: .nan).polylines.isEmpty)
        let flat = ContourGrid(x0: 0, x1: 1, y0: 0, y1: 1, nx: 5, ny: 5) { _, _ in 2 }
        #expect(ContourLines(grid: flat, level: 2).polylines.isEmpty)
    }

    @Test func pathMapsPointsAndClosesLoops() {
        let lines = ContourLines(grid: bowl, level: 1)
        let path = lines.path(map: .scale(10, -10))
        #expect(path.elements.filter { $0 == .close }.count == 1)
        if case .move(let p) = path.elements.first {
            let q = lines.polylines[0].points[0]
            #expect(p == Point(q.x * 10, q.y * -10))
        }
    }

    /// matplotlib: `ScalarFormatter(useOffset=False).format_ticks(levels)`.
    @Test func labelTextsLikeMatplotlib() {
        #expect(ContourLabels.texts(for: [0, 8, 16, 24, 32, 40, 48, 56]) == ["0", "8", "16", "24", "32", "40", "48", "56"])
        #expect(ContourLabels.texts(for: [0.5, 1.0, 1.5, 2.0]) == ["0.5", "1.0", "1.5", "2.0"])
        #expect(ContourLabels.texts(for: [0.25, 0.5, 0.75, 1.0]) == ["0.25", "0.50", "0.75", "1.00"])
        #expect(ContourLabels.texts(for: [-24, -16, -8, 0, 8]) == ["\u{2212}24", "\u{2212}16", "\u{2212}8", "0", "8"])
        #expect(ContourLabels.texts(for: [100, 100.5, 101]) == ["100.0", "100.5", "101.0"])
        #expect(ContourLabels.texts(for: [0, 2e6, 4e6]) == ["0", "2000000", "4000000"])
        #expect(ContourLabels.texts(for: [0.001, 0.002, 0.003]) == ["0.001", "0.002", "0.003"])
        // matplotlib writes "1", "2" here (a mantissa without its multiplier); we write the value.
        #expect(ContourLabels.texts(for: [1e-6, 2e-6]) == ["0.000001", "0.000002"])
    }

    @Test func artistDefaultsFollowMatplotlib() {
        let a = ContourLineArtist(domain: Rect(x: 0, y: 0, width: 1, height: 1)) { x, y in x - y }
        #expect(a.zorder == 2)
        #expect(!a.isMonochrome)
        let levels = [-2.0, 0, 2, 4]
        // Colormap colouring: Normalize(min(levels), max(levels)).
        #expect(a.color(ofLevel: 0, levels: levels) == Colormap.viridis.color(at: 0))
        #expect(a.color(ofLevel: 2, levels: levels) == Colormap.viridis.color(at: 4.0 / 6))
        var k = a
        k.coloring = .single(.black)
        #expect(k.isMonochrome)
        let range = (min: -3.0, max: 5.0)
        // Negative monochrome levels: dashed 3.7/1.6 × width; zero stays solid.
        #expect(k.strokeStyle(level: -2, widthPx: 2, range: range).dashes == [7.4, 3.2])
        #expect(k.strokeStyle(level: 0, widthPx: 2, range: range).dashes.isEmpty)
        #expect(a.strokeStyle(level: -2, widthPx: 2, range: range).dashes.isEmpty, "coloured lines stay solid")
        k.coloring = .perLevel([.red, .red])
        #expect(k.isMonochrome)
        k.coloring = .perLevel([.red, .black])
        #expect(k.color(ofLevel: 3, levels: levels) == .black)
    }

    @Test func artistSamplesTheSameGridAsTheFill() {
        let f: @Sendable (Double, Double) -> Double = { x, y in x * y }
        let dom = Rect(x: -1, y: -2, width: 3, height: 4)
        let lines = ContourLineArtist(domain: dom, function: f).grid(pixelSize: (600, 400))
        let fill = ContourFill(domain: dom, function: f).grid(pixelSize: (600, 400))
        #expect(lines.xs == fill.xs && lines.ys == fill.ys)
    }

    @Test func cutRemovesThePartInsideTheBox() {
        // A horizontal line from x = 0 to 100 cut by a box over x ∈ [40, 60].
        let line = Polyline(points: [Point(0, 0), Point(30, 0), Point(70, 0), Point(100, 0)], isClosed: false)
        let pieces = ContourLabels.cut(line, at: 50, box: Rect(x: 40, y: -5, width: 20, height: 10))
        #expect(pieces.count == 2)
        #expect(pieces[0].points.last == Point(40, 0) && pieces[1].points.first == Point(60, 0))
        #expect(pieces[0].points.first == Point(0, 0) && pieces[1].points.last == Point(100, 0))
        // A closed square cut on one side gives one open piece of the rest.
        let square = Polyline(points: [Point(0, 0), Point(100, 0), Point(100, 100), Point(0, 100)], isClosed: true)
        let rest = ContourLabels.cut(square, at: 50, box: Rect(x: 40, y: -5, width: 20, height: 10))
        #expect(rest.count == 1)
        #expect(abs(ContourLines.length(of: rest[0]) - 380) < 1e-9)
        #expect(rest[0].points.first == Point(60, 0) && rest[0].points.last == Point(40, 0))
    }
}
