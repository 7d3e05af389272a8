/// PyTorch's `torch.optim` optimizers, with its hyperparameter names, defaults and checks.
extension OptimizerDefinition {
    private static let betas = HyperparameterDefinition("betas", .pair, .pair(0.9, 0.999), .betas)
    private static let maximize = HyperparameterDefinition.flag("maximize")

    static let pytorch: [OptimizerDefinition] = [
        OptimizerDefinition("SGD", "stochastic gradient descent, optional (Nesterov) momentum", [
            .real("lr", 1e-3), .real("momentum", 0), .real("dampening", 0, .finite),
            .real("weight_decay", 0), .flag("nesterov"), maximize,
        ], check: { p in
            p.bool("nesterov") && (p.real("momentum") <= 0 || p.real("dampening") != 0)
                ? "nesterov=True requires momentum > 0 and dampening = 0" : nil
        }, make: { p, _, _ in
            SGD(lr: p.real("lr"), momentum: p.real("momentum"), dampening: p.real("dampening"),
                weightDecay: p.real("weight_decay"), nesterov: p.bool("nesterov"), maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("Adagrad", "adaptive per-coordinate rates from summed squared gradients", [
            .real("lr", 1e-2), .real("lr_decay", 0), .real("weight_decay", 0),
            .real("initial_accumulator_value", 0), .real("eps", 1e-10), maximize,
        ], make: { p, n, _ in
            Adagrad(dimension: n, lr: p.real("lr"), lrDecay: p.real("lr_decay"), weightDecay: p.real("weight_decay"),
                    initialAccumulatorValue: p.real("initial_accumulator_value"), eps: p.real("eps"),
                    maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("RMSprop", "Adagrad with a moving average of squared gradients", [
            .real("lr", 1e-2), .real("alpha", 0.99), .real("eps", 1e-8), .real("weight_decay", 0),
            .real("momentum", 0), .flag("centered"), maximize,
        ], make: { p, n, _ in
            RMSprop(dimension: n, lr: p.real("lr"), alpha: p.real("alpha"), eps: p.real("eps"),
                    weightDecay: p.real("weight_decay"), momentum: p.real("momentum"), centered: p.bool("centered"),
                    maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("Adadelta", "unit-corrected RMSprop (ratio of update and gradient RMS)", [
            .real("lr", 1.0), .real("rho", 0.9, .closedUnit), .real("eps", 1e-6), .real("weight_decay", 0), maximize,
        ], make: { p, n, _ in
            Adadelta(dimension: n, lr: p.real("lr"), rho: p.real("rho"), eps: p.real("eps"),
                     weightDecay: p.real("weight_decay"), maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("Adam", "RMSprop with momentum and bias correction", [
            .real("lr", 1e-3), betas, .real("eps", 1e-8), .real("weight_decay", 0), .flag("amsgrad"), maximize,
        ], make: { p, n, _ in adam(p, n, decoupled: false) }),
        OptimizerDefinition("AdamW", "Adam with decoupled weight decay", [
            .real("lr", 1e-3), betas, .real("eps", 1e-8), .real("weight_decay", 1e-2), .flag("amsgrad"), maximize,
        ], make: { p, n, _ in adam(p, n, decoupled: true) }),
        OptimizerDefinition("SparseAdam", "Adam for sparse gradients; on dense gradients, Adam", [
            .real("lr", 1e-3), betas, .real("eps", 1e-8), maximize,
        ], make: { p, n, _ in
            let (b1, b2) = p.pair("betas")
            return Adam(dimension: n, lr: p.real("lr"), beta1: b1, beta2: b2, eps: p.real("eps"),
                        maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("Adamax", "Adam with the infinity norm", [
            .real("lr", 2e-3), betas, .real("eps", 1e-8), .real("weight_decay", 0), maximize,
        ], make: { p, n, _ in
            let (b1, b2) = p.pair("betas")
            return Adamax(dimension: n, lr: p.real("lr"), beta1: b1, beta2: b2, eps: p.real("eps"),
                          weightDecay: p.real("weight_decay"), maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("NAdam", "Adam with Nesterov momentum", [
            .real("lr", 2e-3), betas, .real("eps", 1e-8), .real("weight_decay", 0), .real("momentum_decay", 4e-3),
            .flag("decoupled_weight_decay"), maximize,
        ], make: { p, n, _ in
            let (b1, b2) = p.pair("betas")
            return NAdam(dimension: n, lr: p.real("lr"), beta1: b1, beta2: b2, eps: p.real("eps"),
                         weightDecay: p.real("weight_decay"), momentumDecay: p.real("momentum_decay"),
                         decoupled: p.bool("decoupled_weight_decay"), maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("RAdam", "Adam with variance rectification", [
            .real("lr", 1e-3), betas, .real("eps", 1e-8), .real("weight_decay", 0),
            .flag("decoupled_weight_decay"), maximize,
        ], make: { p, n, _ in
            let (b1, b2) = p.pair("betas")
            return RAdam(dimension: n, lr: p.real("lr"), beta1: b1, beta2: b2, eps: p.real("eps"),
                         weightDecay: p.real("weight_decay"), decoupled: p.bool("decoupled_weight_decay"),
                         maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("Rprop", "resilient backpropagation: sign-based adaptive steps", [
            .real("lr", 1e-2),
            HyperparameterDefinition("etas", .pair, .pair(0.5, 1.2), .etas),
            HyperparameterDefinition("step_sizes", .pair, .pair(1e-6, 50), .stepSizes),
            maximize,
        ], make: { p, n, _ in
            let (minus, plus) = p.pair("etas")
            let (low, high) = p.pair("step_sizes")
            return Rprop(dimension: n, lr: p.real("lr"), etaMinus: minus, etaPlus: plus, stepMin: low, stepMax: high,
                         maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("ASGD", "averaged SGD with a decaying rate", [
            .real("lr", 1e-2), .real("lambd", 1e-4, .finite), .real("alpha", 0.75, .finite),
            .real("t0", 1e6, .finite), .real("weight_decay", 0), maximize,
        ], make: { p, n, _ in
            ASGD(dimension: n, lr: p.real("lr"), lambd: p.real("lambd"), alpha: p.real("alpha"), t0: p.real("t0"),
                 weightDecay: p.real("weight_decay"), maximize: p.bool("maximize"))
        }),
        OptimizerDefinition("LBFGS", "limited-memory BFGS, optional strong-Wolfe line search", [
            .real("lr", 1),
            HyperparameterDefinition("max_iter", .integer, .integer(20), .atLeastOne),
            HyperparameterDefinition("max_eval", .optionalInteger, .none, .atLeastOne),
            .real("tolerance_grad", 1e-7), .real("tolerance_change", 1e-9),
            HyperparameterDefinition("history_size", .integer, .integer(100), .atLeastOne),
            HyperparameterDefinition("line_search_fn", .choice(["strong_wolfe"]), .none),
        ], make: { p, _, _ in
            let maxIter = p.integer("max_iter")!
            return LBFGS(lr: p.real("lr"), maxIter: maxIter, maxEval: p.integer("max_eval") ?? maxIter * 5 / 4,
                         toleranceGrad: p.real("tolerance_grad"), toleranceChange: p.real("tolerance_change"),
                         historySize: p.integer("history_size")!, strongWolfe: p.text("line_search_fn") != nil)
        }),
    ]

    private static func adam(_ p: ResolvedHyperparameters, _ n: Int, decoupled: Bool) -> any Optimizer {
        let (b1, b2) = p.pair("betas")
        return Adam(dimension: n, lr: p.real("lr"), beta1: b1, beta2: b2, eps: p.real("eps"),
                    weightDecay: p.real("weight_decay"), decoupled: decoupled, amsgrad: p.bool("amsgrad"),
                    maximize: p.bool("maximize"))
    }
}
