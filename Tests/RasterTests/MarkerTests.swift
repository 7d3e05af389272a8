import Foundation
import Testing
@testable import Raster

@Suite struct MarkerTests {
    func filledArea(_ shape: MarkerShape, _ size: Double) -> Double {
        let path = shape.path(size: size).transformed(by: .translation(50.37, 40.61))
        return Rasterizer.coverage(of: path, clip: Rect(x: 0, y: 0, width: 100, height: 100)).area
    }

    @Test func areasMatchMatplotlibGeometry() {
        let s = 12.0
        #expect(relativeError(filledArea(.circle, s), .pi * 36) < 0.005)         // diameter s
        #expect(relativeError(filledArea(.point, s), .pi * 9) < 0.005)           // diameter s/2
        #expect(relativeError(filledArea(.square, s), s * s) < 1e-4)             // side s
        #expect(relativeError(filledArea(.diamond, s), s * s) < 1e-4)            // the square turned 45°
        #expect(relativeError(filledArea(.thinDiamond, s), 0.6 * s * s) < 1e-4)
        #expect(relativeError(filledArea(.triangleUp, s), s * s / 2) < 1e-4)     // base s, height s
        #expect(relativeError(filledArea(.triangleDown, s), s * s / 2) < 1e-4)
        let (big, small) = (s / 2, s / 2 * 0.381966)
        #expect(relativeError(filledArea(.star, s), 5 * big * small * sin(.pi / 5)) < 1e-4)
        #expect(relativeError(filledArea(.pentagon, s), 2.5 * big * big * sin(2 * .pi / 5)) < 1e-4)
        #expect(relativeError(filledArea(.hexagon, s), 3 * big * big * sin(.pi / 3)) < 1e-4)
        #expect(filledArea(.x, s) == 0 && filledArea(.plus, s) == 0)
    }

    @Test func starHasMatplotlibProportions() {
        let pts = MarkerShape.star.path(size: 20).flattened()[0].points
        #expect(pts.count == 10)
        let radii = pts.map(\.length)
        for (k, r) in radii.enumerated() {
            #expect(abs(r - (k % 2 == 0 ? 10 : 3.81966)) < 1e-9)
        }
        #expect(abs(pts[0].x) < 1e-12 && pts[0].y == -10)   // a point straight up on screen
    }

    @Test func orientationOnScreen() {
        // y grows downwards: ^'s apex is above its centre, v's below.
        let up = MarkerShape.triangleUp.path(size: 10).controlBounds!
        #expect(MarkerShape.triangleUp.path(size: 10).flattened()[0].points[0] == Point(0, -5))
        #expect(up == Rect(x: -5, y: -5, width: 10, height: 10))
        #expect(MarkerShape.triangleDown.path(size: 10).flattened()[0].points[0] == Point(0, 5))
        #expect(MarkerShape(rawValue: "*") == .star && MarkerShape(rawValue: "D") == .diamond)
        #expect(!MarkerShape.x.isFilled && !MarkerShape.plus.isFilled && MarkerShape.circle.isFilled)
        #expect(MarkerShape.circle.path(size: .nan).isEmpty && MarkerShape.square.path(size: -1).isEmpty)
    }

    @Test func canvasDrawsFaceAndEdge() {
        var canvas = RasterCanvas(width: 40, height: 40, background: .white)
        canvas.drawMarker(.square, at: Point(20, 20), size: 20, face: .red, edge: .black, edgeWidth: 2)
        #expect(canvas.image[20, 20] == .red)          // face
        #expect(canvas.image[10, 20] == .black)        // the edge straddles x = 10 (9…11)
        #expect(canvas.image[8, 20] == .white)         // outside
        #expect(canvas.image[9, 9] == .black)          // miter corner: the square's corner

        // x takes the line colour from `edge`, or from `face` when there is no edge.
        var c2 = RasterCanvas(width: 40, height: 40, background: .white)
        c2.drawMarker(.x, at: Point(20, 20), size: 20, face: .red, edge: nil, edgeWidth: 2)
        #expect(c2.image[20, 20] == .red)
        #expect(c2.image[20, 14] == .white)            // between the arms
        c2.drawMarker(.plus, at: Point(20, 20), size: 20, face: nil, edge: .black, edgeWidth: 2)
        #expect(c2.image[20, 14] == .black)

        // Off-canvas and non-finite centres draw nothing and do not crash.
        var c3 = RasterCanvas(width: 10, height: 10, background: .white)
        c3.drawMarker(.circle, at: Point(.nan, 5), size: 6, face: .red, edge: .black, edgeWidth: 1)
        c3.drawMarker(.star, at: Point(-100, 5), size: 6, face: .red, edge: .black, edgeWidth: 1)
        #expect(c3.image == Image(width: 10, height: 10, background: .white))
    }

    @Test func canvasClipLimitsDrawing() {
        var canvas = RasterCanvas(width: 30, height: 30, background: .white)
        canvas.clip = Rect(x: 10, y: 10, width: 10, height: 10)
        canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 30, height: 30)), color: .black)
        #expect(canvas.image[15, 15] == .black)
        #expect(canvas.image[9, 15] == .white && canvas.image[20, 15] == .white)
        canvas.clip = Rect(x: 100, y: 100, width: 5, height: 5)   // outside the image
        canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 30, height: 30)), color: .red)
        #expect(canvas.image[0, 0] == .white)
    }
}
