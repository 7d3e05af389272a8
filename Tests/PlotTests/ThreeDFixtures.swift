import Foundation
import Raster
import Optimization
@testable import Plot

/// The catalog's 3-D figures, built as a caller would build them.
enum ThreeDFixtures {
    /// summer: r = x, g = 0.5 + x/2, b = 0.4 (matplotlib's `_summer_data`).
    static let summer = Colormap.sampled(name: "summer", (r: { $0 }, g: { 0.5 + $0 / 2 }, b: { _ in 0.4 }))

    /// Seed 004's five optimizers from (2, 3), 150 steps, the book's colours.
    static let saddleRuns: [(spec: String, label: String, color: UInt32)] = [
        ("paddle.sgd(lr=0.01)", "SGD", 0x9c9d9f),
        ("paddle.adagrad(lr=0.5, epsilon=1e-7)", "AdaGrad", 0xf7d2e2),
        ("paddle.rmsprop(lr=0.1, beta=0.9, epsilon=1e-7)", "RMSprop", 0xf19ec2),
        ("paddle.momentum(lr=0.01, rho=0.9)", "Momentum", 0xe86096),
        ("paddle.adam(lr=0.1, beta1=0.9, beta2=0.99, epsilon=1e-7)", "Adam", 0x000000),
    ]

    /// Seed 004's saddle figure: 10 × 6 in at 100 dpi, the surface in #f19ec2 on
    /// [−3, 3]², the five paths, legend upper left.
    static func saddle(steps: Int = 150, gridPoints: Int = 60, domain: ClosedRange<Double> = -3...3,
                       headMarker: MarkerShape? = nil) throws -> Figure {
        let objective = try Objective.resolve("paddle-saddle")
        let f: @Sendable (Double, Double) -> Double = { x, y in objective.value([x, y]) }
        var ax = Axes3D()
        ax.plotSurface(x: domain, y: domain, n: gridPoints, color: Color(hex: 0xf19ec2), f)
        for (spec, label, hex) in saddleRuns {
            let run = Run(objective: objective, optimizer: try OptimizerSpec.parse(spec), start: [2, 3], steps: steps)
            ax.plot(Path3D(points: run.points.map { Vector3($0[0], $0[1], f($0[0], $0[1])) },
                           color: Color(hex: hex), lineWidth: 2, headMarker: headMarker, label: label))
        }
        ax.xlabel = "x1"
        ax.ylabel = "x2"
        ax.zlabel = "f(x1,x2)"
        ax.legend = Legend(location: .upperLeft)
        var fig = Figure(width: 10, height: 6, dpi: 100)
        fig.add(ax)
        return fig
    }

    /// Seed 002's surface: x²/20 + y² on [−10, 10]², summer, black contours at z = −1, 8 × 8 in.
    static func japaneseBowl(gridPoints: Int = 80) -> Figure {
        var ax = Axes3D()
        let f: (Double, Double) -> Double = { x, y in x * x / 20 + y * y }
        ax.plotSurface(x: -10...10, y: -10...10, n: gridPoints, colormap: summer, f)
        ax.contours = [ProjectedContour(surface: ax.surfaces[0], offset: -1)]
        ax.xlabel = "x"
        ax.ylabel = "y"
        ax.zlabel = "z"
        ax.labelSize = 16
        var fig = Figure(width: 8, height: 8, dpi: 100)
        fig.add(ax)
        return fig
    }
}
