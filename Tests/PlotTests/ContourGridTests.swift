import Foundation
import Testing
import Raster
@testable import Plot

/// Area enclosed by a path of straight segments (shoelace, summed over subpaths).
func polygonArea(_ path: Path) -> Double {
    var area = 0.0
    var start = Point.zero, last = Point.zero
    for e in path.elements {
        switch e {
        case .move(let p): start = p; last = p
        case .line(let p): area += last.cross(p); last = p
        case .close: area += last.cross(start); last = start
        default: Issue.record("contour paths are straight")
        }
    }
    return area / 2
}

struct ContourGridTests {
    let disk = ContourGrid(x0: -2, x1: 2, y0: -2, y1: 2, nx: 161, ny: 161) { x, y in x * x + y * y }

    @Test func regionAboveLevelHasTheAnalyticArea() {
        // {x² + y² ≥ 1} inside [−2, 2]²: 16 − π. Linear interpolation on 0.025 cells
        // cuts the circle's chords: error well below 0.1 %.
        let a = abs(polygonArea(disk.region(atLeast: 1, map: .identity)))
        #expect(abs(a - (16 - Double.pi)) / (16 - Double.pi) < 1e-3, "area \(a)")
        let whole = abs(polygonArea(disk.region(atLeast: -1, map: .identity)))
        #expect(abs(whole - 16) < 1e-9)
        #expect(disk.region(atLeast: 100, map: .identity).isEmpty)
    }

    @Test func allPiecesHaveTheSameOrientation() {
        // Same orientation ⇒ the signed sum equals the unsigned sum (no cancellation).
        var signed = 0.0, unsigned = 0.0
        var piece = Path()
        for e in disk.region(atLeast: 2.5, map: .identity).elements {
            piece = { var p = piece; p.append(Path(elements: [e])); return p }()
            if case .close = e {
                let a = polygonArea(piece)
                signed += a; unsigned += abs(a)
                piece = Path()
            }
        }
        #expect(unsigned > 0 && abs(signed - unsigned) < 1e-9 * unsigned)
    }

    @Test func saddleCellsAreResolvedByTheCentreValue() {
        // A 2 × 2 grid with a saddle: corners 1, 0, 1, 0; centre value 0.5.
        let g = ContourGrid(xs: [0, 1], ys: [0, 1], z: [1, 0, 0, 1])!
        // Region z ≥ 0.75 are two separate corner triangles-ish pieces, symmetric.
        let a = abs(polygonArea(g.region(atLeast: 0.75, map: .identity)))
        let b = abs(polygonArea(g.region(atLeast: 0.25, map: .identity)))
        #expect(abs(a + b - 1) < 1e-12, "regions above 0.75 and above 0.25 are complements by symmetry")
    }

    @Test func holesAreSkipped() {
        let g = ContourGrid(x0: 0, x1: 1, y0: 0, y1: 1, nx: 3, ny: 3) { x, y in x == 0.5 && y == 0.5 ? .nan : 1 }
        #expect(g.range! == (1, 1))
        #expect(g.region(atLeast: 0, map: .identity).isEmpty)
    }
}
