import ArgumentParser
import Foundation
import Optimization

/// `optrender trace`: run one optimizer on one objective and print the trajectory, the loss at
/// every point and where the run diverged, as JSON (default) or CSV — PyTorch's semantics: every
/// finite value torch.optim computes, up to the first non-finite one (``Run/Limit/finite``; figures
/// stop earlier, at ±1e150).
///
///     optrender trace --objective d2l --start -5,-2 --steps 50 --optimizer 'SGD(lr=0.4)'
///     optrender trace --objective '4*x^2' --start 2 --steps 5 --optimizer 'SGD(lr=1)' --format csv
///
/// Negative numbers are values: `--start -5,-2`, `--start -5` and `--objective -x^2+y` work as
/// written. Bad input (unknown objective or optimizer, a syntax error, a start with the wrong
/// number of coordinates) is a `ValidationError` with a one-line message.
struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print an optimizer's trajectory on an objective as JSON or CSV.",
        discussion: """
            JSON: {"objective", "optimizer", "trajectory": [[x, y], …], "loss": […], "diverged_at": null or step}, \
            numbers in their shortest round-trip form, non-finite values as the strings "inf", "-inf", "nan". \
            CSV: a header step,x,y,loss (step,x,loss in 1-D) and one row per point; a divergence is reported on \
            standard error. As torch.optim computes: the run goes on through huge values (1e200 is printed) \
            and stops at the first step whose point or loss is non-finite; that step is diverged_at.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("A built-in objective (see --list-objectives) or an expression in x and y.",
                               valueName: "expr|name"))
    var objective: String

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("The start point, comma-separated: -5,-2 (2-D) or 2 (1-D).", valueName: "x[,y…]"))
    var start: String

    @Option(name: .long, parsing: .unconditional, help: "The number of optimizer steps.")
    var steps: Int = 50

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("The optimizer, PyTorch style: 'SGD(lr=0.05, momentum=0.9)', 'Adam(lr=0.1)', 'd2l.adagrad'.",
                               valueName: "spec"))
    var optimizer: String

    @Option(name: .long, help: "Output format: json or csv.")
    var format: Format = .json

    /// The largest step count accepted (a run keeps every point in memory).
    static let maximumSteps = 1_000_000

    func run() throws {
        let (objective, spec, point) = try resolvedInputs()
        let run = Run(objective: objective, optimizer: spec, start: point, steps: steps)
        switch format {
        case .json:
            print(run.json, terminator: "")
        case .csv:
            print(run.csv, terminator: "")
            if let step = run.divergedAt {
                FileHandle.standardError.write(Data("diverged at step \(step)\n".utf8))
            }
        }
    }

    /// The objective, optimizer spec and start point, or a `ValidationError` naming the problem.
    func resolvedInputs() throws -> (Objective, OptimizerSpec, [Double]) {
        let resolved: Objective
        do {
            resolved = try Objective.resolve(objective)
        } catch let error as ObjectiveError {
            throw ValidationError("--objective: \(error)")
        }
        let spec: OptimizerSpec
        do {
            spec = try OptimizerSpec.parse(optimizer)
        } catch let error as OptimizerSpecError {
            throw ValidationError("--optimizer: \(error)")
        }
        guard let point = NumberText.parsePoint(start) else {
            throw ValidationError("--start: expected comma-separated finite numbers such as -5,-2, got \"\(start)\"")
        }
        guard point.count == resolved.dimension else {
            throw ValidationError("--start: \(resolved.name) is \(resolved.dimension)-D but the start has "
                                  + "\(point.count) coordinate\(point.count == 1 ? "" : "s")")
        }
        guard (0...Self.maximumSteps).contains(steps) else {
            throw ValidationError("--steps must be between 0 and \(Self.maximumSteps), got \(steps)")
        }
        return (resolved, spec, point)
    }
}
