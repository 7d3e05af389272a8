/// The built-in objectives: every function the seeds optimize, then the classic 2-D test
/// functions course authors reach for. Each is an expression (so its gradient comes from the
/// same automatic differentiation as a user's), with its known minima for the minimum marker.
enum BuiltinObjectives {
    struct Entry {
        let name: String
        let aliases: [String]
        let formula: String
        let minima: [[Double]]
    }

    static let entries: [Entry] = [
        // Seed 000 (d2l / Berkeley STAT 157): f(x1, x2) = 0.1 x1² + 2 x2².
        Entry(name: "d2l", aliases: [], formula: "0.1*x1^2 + 2*x2^2", minima: [[0, 0]]),
        // Seed 001: y = (2x)² = 4x², the learning-rate demo (lr = 1 diverges 2 → −14 → 98).
        Entry(name: "parabola", aliases: ["4x2"], formula: "4*x^2", minima: [[0]]),
        // Seed 002 (Deep Learning from Scratch): f(x, y) = x²/20 + y², SGD's zig-zag.
        Entry(name: "zigzag", aliases: ["scratch"], formula: "x^2/20 + y^2", minima: [[0, 0]]),
        // Seed 004 (Paddle book): sphere(x) = wᵀx² with w = (0.2, 2).
        Entry(name: "sphere", aliases: ["paddle-sphere"], formula: "0.2*x^2 + 2*y^2", minima: [[0, 0]]),
        // Seed 004's 3-D figure: x² + y² + y³ + xy. Unbounded below (y → −∞), so it has no
        // global minimum; (0, 0) is its local minimum (Hessian [[2,1],[1,2]]) and is marked;
        // (0.25, −0.5) is a saddle point.
        Entry(name: "cubic-saddle", aliases: ["paddle-saddle"], formula: "x^2 + y^2 + y^3 + x*y", minima: [[0, 0]]),

        Entry(name: "rosenbrock", aliases: [], formula: "(1 - x)^2 + 100*(y - x^2)^2", minima: [[1, 1]]),
        Entry(name: "beale", aliases: [],
              formula: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", minima: [[3, 0.5]]),
        Entry(name: "himmelblau", aliases: [], formula: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
              minima: [[3, 2],
                       [-2.805118086952745, 3.131312518250573],
                       [-3.779310253377747, -3.2831859912861696],
                       [3.5844283403304917, -1.8481265269644036]]),
        Entry(name: "rastrigin", aliases: [],
              formula: "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)", minima: [[0, 0]]),
        Entry(name: "booth", aliases: [], formula: "(x + 2*y - 7)^2 + (2*x + y - 5)^2", minima: [[1, 3]]),
        Entry(name: "matyas", aliases: [], formula: "0.26*(x^2 + y^2) - 0.48*x*y", minima: [[0, 0]]),
        Entry(name: "three-hump-camel", aliases: ["camel"], formula: "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2",
              minima: [[0, 0]]),
        Entry(name: "goldstein-price", aliases: [],
              formula: "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
                + " * (30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
              minima: [[0, -1]]),
        Entry(name: "ackley", aliases: [],
              formula: "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
              minima: [[0, 0]]),
        Entry(name: "styblinski-tang", aliases: [], formula: "(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)/2",
              minima: [[-2.903534027771177, -2.903534027771177]]),
        // Saddles: no minimum at all.
        Entry(name: "saddle", aliases: [], formula: "x^2 - y^2", minima: []),
        Entry(name: "monkey-saddle", aliases: [], formula: "x^3 - 3*x*y^2", minima: []),
    ]

    static let all: [Objective] = entries.map { entry in
        // The formulas are fixed text, covered by tests; a failure here is a programming error.
        let expression = try! ExpressionParser.parse(entry.formula)
        return Objective(expression: expression, name: entry.name, formula: entry.formula, minima: entry.minima)
    }

    static let byName: [String: Objective] = {
        var table: [String: Objective] = [:]
        for (entry, objective) in zip(entries, all) {
            for key in [entry.name] + entry.aliases { table[normalized(key)] = objective }
        }
        return table
    }()

    static func normalized(_ name: String) -> String {
        String(name.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }
}
