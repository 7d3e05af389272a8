import Foundation
import Testing
import Raster
@testable import Plot

/// Box corners as matplotlib 3.11.2 places them (`proj3d.proj_transform` then
/// `transData`, y flipped to pixels down), from `/tmp/mpl3d/corners.py`-style
/// scripts: corner (cx, cy, cz) ∈ {0, 1}³ → pixel.
struct ThreeDCameraTests {
    typealias Corner = (Int, Int, Int, Double, Double)

    static let saddle10x6: [Corner] = [
        (0, 0, 0, 316.384, 420.086), (0, 0, 1, 306.962, 224.432), (0, 1, 0, 468.952, 292.201),
        (0, 1, 1, 466.831, 107.767), (1, 0, 0, 575.902, 504.844), (1, 0, 1, 578.714, 302.244),
        (1, 1, 0, 713.768, 363.359), (1, 1, 1, 722.505, 172.573),
    ]
    static let square8x8: [Corner] = [
        (0, 0, 0, 148.512, 560.114), (0, 0, 1, 135.950, 299.243), (0, 1, 0, 351.936, 389.601),
        (0, 1, 1, 349.108, 143.690), (1, 0, 0, 494.535, 673.125), (1, 0, 1, 498.285, 402.993),
        (1, 1, 0, 678.357, 484.479), (1, 1, 1, 690.006, 230.098),
    ]
    /// elev 20, azim 35 on the 10 × 6 figure.
    static let rotated: [Corner] = [
        (0, 0, 0, 485.350, 327.818), (0, 0, 1, 484.390, 131.534), (0, 1, 0, 719.935, 386.433),
        (0, 1, 1, 726.088, 179.328), (1, 0, 0, 312.033, 413.826), (1, 0, 1, 305.532, 201.723),
        (1, 1, 0, 557.687, 484.058), (1, 1, 1, 558.998, 259.313),
    ]

    func check(_ camera: Camera3D, _ expected: [Corner]) {
        let b = camera.limits
        for (cx, cy, cz, ex, ey) in expected {
            let p = Vector3(cx == 0 ? b.x.lowerBound : b.x.upperBound, cy == 0 ? b.y.lowerBound : b.y.upperBound,
                            cz == 0 ? b.z.lowerBound : b.z.upperBound)
            let q = camera.pixel(p)
            #expect(abs(q.x - ex) < 0.01 && abs(q.y - ey) < 0.01, "corner \(cx)\(cy)\(cz): \(q) vs (\(ex), \(ey))")
        }
    }

    @Test func cornersMatchMatplotlibDefaultView() {
        let vp = Camera3D.viewport(figureWidth: 1000, figureHeight: 600, position: Axes.defaultPosition)
        #expect(abs(vp.minX - 281.5) < 1e-9 && abs(vp.width - 462) < 1e-9 && abs(vp.minY - 72) < 1e-9)
        check(Camera3D(limits: Box3D(x: -3...3, y: -3...3, z: -20...50), viewport: vp), Self.saddle10x6)
    }

    @Test func cornersMatchMatplotlibOnASquareFigure() {
        let vp = Camera3D.viewport(figureWidth: 800, figureHeight: 800, position: Axes.defaultPosition)
        check(Camera3D(limits: Box3D(x: -10...10, y: -10...10, z: 0...100), viewport: vp), Self.square8x8)
    }

    @Test func cornersMatchMatplotlibAtOtherAngles() {
        let vp = Camera3D.viewport(figureWidth: 1000, figureHeight: 600, position: Axes.defaultPosition)
        check(Camera3D(limits: Box3D(x: -3...3, y: -3...3, z: -20...50), viewport: vp, elevation: 20, azimuth: 35),
              Self.rotated)
    }

    @Test func depthOrdersCornersLikeMatplotlib() {
        // matplotlib's projected z for the default view: (1,0,1) nearest (−1.10222),
        // (0,1,0) farthest (−0.91513).
        let vp = Camera3D.viewport(figureWidth: 1000, figureHeight: 600, position: Axes.defaultPosition)
        let cam = Camera3D(limits: Box3D(x: -3...3, y: -3...3, z: -20...50), viewport: vp)
        #expect(abs(cam.project(Vector3(3, -3, 50)).z - -1.10222) < 1e-5)
        #expect(abs(cam.project(Vector3(-3, 3, -20)).z - -0.91513) < 1e-5)
    }

    @Test func orthographicIsParallel() {
        // Parallel box edges stay parallel on screen without perspective.
        let vp = Rect(x: 0, y: 0, width: 500, height: 500)
        let cam = Camera3D(limits: Box3D(x: 0...1, y: 0...1, z: 0...1), viewport: vp, projection: .orthographic)
        let a = cam.pixel(Vector3(0, 0, 1)) - cam.pixel(Vector3(0, 0, 0))
        let b = cam.pixel(Vector3(1, 1, 1)) - cam.pixel(Vector3(1, 1, 0))
        #expect(abs(a.x - b.x) < 1e-9 && abs(a.y - b.y) < 1e-9)
        // The up vector stays vertical on screen.
        #expect(abs(a.x) < 1e-9 && a.y < 0)
    }

    @Test func liftMovesTowardsTheEye() {
        let vp = Rect(x: 0, y: 0, width: 500, height: 500)
        let cam = Camera3D(limits: Box3D(x: -3...3, y: -3...3, z: -20...50), viewport: vp)
        let p = Vector3(1, 2, 10)
        #expect(cam.project(p + cam.towardsViewer * 0.05).z < cam.project(p).z)
    }
}
