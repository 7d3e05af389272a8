/// The seeds' own update rules, as named variants: `d2l.*` (seed 000), `jp.*` (seed 002),
/// `paddle.*` (seed 004). Hyperparameter names are the seeds' own; defaults are the values
/// the seeds use. Seed 001's rules (`x.data.sub_(lr * x.grad)` and `optim.SGD`) are PyTorch's
/// SGD exactly, so they have no variant of their own.
extension OptimizerDefinition {
    static let seedVariants: [OptimizerDefinition] = [
        OptimizerDefinition("d2l.sgd", "seed 000: x -= lr*g", [.real("lr", 0.05)],
                            make: { p, _, _ in D2LSGD(lr: p.real("lr")) }),
        OptimizerDefinition("d2l.momentum", "seed 000: v = gamma*v + lr*g; x -= v",
                            [.real("lr", 0.1), .real("gamma", 0.1)],
                            make: { p, n, _ in D2LMomentum(dimension: n, lr: p.real("lr"), gamma: p.real("gamma")) }),
        OptimizerDefinition("d2l.inertia", "seed 000: v = gamma*v + (1-gamma)*g; x -= lr*v",
                            [.real("lr", 0.1), .real("gamma", 0.1, .closedUnit)],
                            make: { p, n, _ in D2LInertia(dimension: n, lr: p.real("lr"), gamma: p.real("gamma")) }),
        OptimizerDefinition("d2l.adagrad", "seed 000: s += g^2; x -= lr/sqrt(s+eps)*g",
                            [.real("lr", 0.1), .real("eps", 1e-6)],
                            make: { p, n, _ in D2LAdagrad(dimension: n, lr: p.real("lr"), eps: p.real("eps")) }),
        OptimizerDefinition("d2l.rmsprop", "seed 000: s = gamma*s + (1-gamma)*g^2; x -= lr/sqrt(s+eps)*g",
                            [.real("lr", 0.1), .real("gamma", 0.9, .closedUnit), .real("eps", 1e-6)],
                            make: { p, n, _ in
                                D2LRMSprop(dimension: n, lr: p.real("lr"), gamma: p.real("gamma"), eps: p.real("eps"))
                            }),
        OptimizerDefinition("d2l.adam", "seed 000: x -= lr*m_hat/(sqrt(n_hat)+eps)",
                            [.real("lr", 0.1), .real("beta1", 0.9, .halfOpenUnit), .real("beta2", 0.999, .halfOpenUnit),
                             .real("eps", 1e-6)],
                            make: { p, n, _ in
                                D2LAdam(dimension: n, lr: p.real("lr"), beta1: p.real("beta1"), beta2: p.real("beta2"),
                                        eps: p.real("eps"))
                            }),

        OptimizerDefinition("jp.sgd", "seed 002: W -= lr*g", [.real("lr", 0.01)],
                            make: { p, _, _ in JapaneseSGD(lr: p.real("lr")) }),
        OptimizerDefinition("jp.momentum", "seed 002: v = momentum*v - lr*g; W += v",
                            [.real("lr", 0.01), .real("momentum", 0.95)],
                            make: { p, n, _ in
                                JapaneseMomentum(dimension: n, lr: p.real("lr"), momentum: p.real("momentum"))
                            }),
        OptimizerDefinition("jp.adagrad", "seed 002: h += g*g; W -= lr/(sqrt(h)+eps)*g",
                            [.real("lr", 0.01), .real("eps", 1e-7)],
                            make: { p, n, _ in JapaneseAdagrad(dimension: n, lr: p.real("lr"), eps: p.real("eps")) }),

        OptimizerDefinition("paddle.sgd", "seed 004: x -= lr*g", [.real("lr", 0.2, aliases: ["init_lr"])],
                            make: { p, _, _ in PaddleSGD(lr: p.real("lr")) }),
        OptimizerDefinition("paddle.adagrad", "seed 004: G += g^2; x -= lr/sqrt(G+epsilon)*g",
                            [.real("lr", 0.5, aliases: ["init_lr"]), .real("epsilon", 1e-7, aliases: ["eps"])],
                            make: { p, n, _ in
                                PaddleAdagrad(dimension: n, lr: p.real("lr"), epsilon: p.real("epsilon"))
                            }),
        OptimizerDefinition("paddle.rmsprop", "seed 004: G = beta*G + (1-beta)*g^2; x -= lr/sqrt(G+epsilon)*g",
                            [.real("lr", 0.1, aliases: ["init_lr"]), .real("beta", 0.9, .closedUnit),
                             .real("epsilon", 1e-7, aliases: ["eps"])],
                            make: { p, n, _ in
                                PaddleRMSprop(dimension: n, lr: p.real("lr"), beta: p.real("beta"),
                                              epsilon: p.real("epsilon"))
                            }),
        OptimizerDefinition("paddle.momentum", "seed 004: d = rho*d - lr*g; x += d",
                            [.real("lr", 0.01, aliases: ["init_lr"]), .real("rho", 0.9)],
                            make: { p, n, _ in PaddleMomentum(dimension: n, lr: p.real("lr"), rho: p.real("rho")) }),
        OptimizerDefinition("paddle.adam", "seed 004: x -= lr/sqrt(G_hat+epsilon)*M_hat (shared step counter)",
                            [.real("lr", 0.2, aliases: ["init_lr"]), .real("beta1", 0.9, .halfOpenUnit),
                             .real("beta2", 0.99, .halfOpenUnit), .real("epsilon", 1e-7, aliases: ["eps"])],
                            make: { p, n, blocks in
                                PaddleAdam(dimension: n, parameterBlocks: blocks, lr: p.real("lr"),
                                           beta1: p.real("beta1"), beta2: p.real("beta2"), epsilon: p.real("epsilon"))
                            }),
    ]
}
