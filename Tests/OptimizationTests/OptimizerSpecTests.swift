import Testing
@testable import Optimization

private func specError(_ text: String) -> OptimizerSpecError? {
    do {
        _ = try OptimizerSpec.parse(text)
        return nil
    } catch {
        return error as? OptimizerSpecError
    }
}

@Test func parsesAndPrintsCanonically() throws {
    let adam = try OptimizerSpec.parse("adam( lr = 0.1 , betas=(0.9, 0.99), eps=1e-7 )")
    #expect(adam.name == "Adam")
    #expect(adam.description == "Adam(lr=0.1, betas=(0.9, 0.99), eps=1e-07)")
    #expect(try OptimizerSpec.parse(adam.description) == adam)

    #expect(try OptimizerSpec.parse("SGD").description == "SGD()")
    #expect(try OptimizerSpec.parse("sgd()").name == "SGD")
    #expect(try OptimizerSpec.parse("SGD(momentum=0.9, lr=0.05)").description == "SGD(lr=0.05, momentum=0.9)")
    #expect(try OptimizerSpec.parse("SGD(lr=0.05, momentum=0.9, nesterov=true)").description
            == "SGD(lr=0.05, momentum=0.9, nesterov=True)")
    #expect(try OptimizerSpec.parse("D2L.Adagrad(lr=0.1)").description == "d2l.adagrad(lr=0.1)")
    #expect(try OptimizerSpec.parse("paddle.adam(init_lr=0.1, eps=1e-3)").description
            == "paddle.adam(lr=0.1, epsilon=0.001)")
    #expect(try OptimizerSpec.parse("LBFGS(line_search_fn=\"strong_wolfe\", max_iter=5)").description
            == "LBFGS(max_iter=5, line_search_fn='strong_wolfe')")
    #expect(try OptimizerSpec.parse("LBFGS(line_search_fn=None, max_eval=None)").description
            == "LBFGS(max_eval=None, line_search_fn=None)")
    #expect(try OptimizerSpec.parse("Rprop(etas=[0.4, 1.3],)").description == "Rprop(etas=(0.4, 1.3))")
    #expect(try OptimizerSpec.parse("SGD(lr=1)").description == "SGD(lr=1.0)")
}

@Test func defaultsArePyTorchs() throws {
    let adam = try OptimizerSpec.parse("Adam")
    #expect(adam.hyperparameters.map(\.name) == ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"])
    #expect(adam.hyperparameters.map(\.value) == ["0.001", "(0.9, 0.999)", "1e-08", "0.0", "False", "False"])
    #expect(OptimizerSpec.defaults(of: "adamw")?.first { $0.name == "weight_decay" }?.value == "0.01")
    #expect(OptimizerSpec.defaults(of: "Adagrad")?.first { $0.name == "eps" }?.value == "1e-10")
    #expect(OptimizerSpec.defaults(of: "LBFGS")?.map(\.value)
            == ["1.0", "20", "None", "1e-07", "1e-09", "100", "None"])
    #expect(OptimizerSpec.defaults(of: "nope") == nil)
}

@Test func catalogListsAllTenPyTorchOptimizersAndTheVariants() {
    let names = OptimizerSpec.catalog.map(\.name)
    // Seed 001's list of PyTorch's ten, plus AdamW, NAdam, RAdam.
    for name in ["SGD", "Adagrad", "RMSprop", "Adadelta", "Adam", "Adamax", "SparseAdam", "ASGD", "Rprop", "LBFGS",
                 "AdamW", "NAdam", "RAdam",
                 "d2l.sgd", "d2l.momentum", "d2l.inertia", "d2l.adagrad", "d2l.rmsprop", "d2l.adam",
                 "jp.sgd", "jp.momentum", "jp.adagrad",
                 "paddle.sgd", "paddle.momentum", "paddle.adagrad", "paddle.rmsprop", "paddle.adam"] {
        #expect(names.contains(name), "missing \(name)")
    }
    #expect(OptimizerSpec.catalog.allSatisfy { !$0.summary.isEmpty })
}

@Test func unknownNamesListTheValidOnes() {
    let e = specError("Adamm(lr=0.1)")
    #expect(e?.problem == "unknown optimizer 'Adamm'")
    #expect(e?.column == 1)
    #expect(e?.hint?.hasPrefix("did you mean 'Adam'? valid: SGD, Adagrad") == true)
    #expect(e?.description.contains("paddle.adam") == true)

    let h = specError("Adam(lr=0.1, beta=0.9)")
    #expect(h?.problem == "unknown hyperparameter 'beta' for Adam")
    #expect(h?.column == 14)
    #expect(h?.hint == "did you mean 'betas'? valid: lr, betas, eps, weight_decay, amsgrad, maximize")

    #expect(specError("SGD(lr=0.1, lr=0.2)")?.problem == "hyperparameter 'lr' given twice")
}

@Test func boundsAreNamed() {
    let lr = specError("SGD(lr=-0.1)")
    #expect(lr?.problem == "lr must be >= 0, got -0.1")
    #expect(lr?.column == 8)
    #expect(lr?.description == "lr must be >= 0, got -0.1 at column 8: \"SGD(lr=-0.1)\"")
    #expect(specError("Adam(betas=(0.9, 1.0))")?.problem == "betas[1] must be in [0, 1), got 1.0")
    #expect(specError("Adam(betas=(1.5, 0.9))")?.problem == "betas[0] must be in [0, 1), got 1.5")
    #expect(specError("d2l.adam(beta1=1)")?.problem == "beta1 must be in [0, 1), got 1.0")
    #expect(specError("Adadelta(rho=1.1)")?.problem == "rho must be in [0, 1], got 1.1")
    #expect(specError("Rprop(etas=(1.5, 1.2))")?.problem == "etas[0] (etaminus) must be in (0, 1), got 1.5")
    #expect(specError("Rprop(etas=(0.5, 0.9))")?.problem == "etas[1] (etaplus) must be > 1, got 0.9")
    #expect(specError("LBFGS(history_size=0)")?.problem == "history_size must be >= 1, got 0")
    #expect(specError("SGD(lr=0.1, nesterov=True)")?.problem == "nesterov=True requires momentum > 0 and dampening = 0")
    #expect(specError("Adagrad(eps=-1e-10)")?.problem == "eps must be >= 0, got -1e-10")
}

@Test func typesAreChecked() {
    #expect(specError("Adam(betas=0.9)")?.problem == "betas expects a pair such as (0.9, 0.999)")
    #expect(specError("Adam(betas=0.9)")?.column == 12)
    #expect(specError("SGD(nesterov=1)")?.problem == "nesterov expects True or False")
    #expect(specError("LBFGS(max_iter=2.5)")?.problem == "max_iter expects an integer")
    #expect(specError("LBFGS(line_search_fn='backtracking')")?.problem
            == "line_search_fn expects None or 'strong_wolfe'")
    #expect(specError("SGD(lr=fast)")?.problem == "lr expects a number")
}

@Test func syntaxErrorsHaveColumns() {
    #expect(specError("")?.problem == "empty optimizer spec")
    #expect(specError("SGD(lr 0.1)")?.problem == "expected '=' after 'lr', found '0'")
    #expect(specError("SGD(lr 0.1)")?.column == 8)
    #expect(specError("SGD(lr=0.1")?.problem == "expected ',' or ')', found end of input")
    #expect(specError("SGD(lr=0.1")?.column == 11)
    #expect(specError("SGD(lr=0.1) x")?.problem == "unexpected 'x' after the optimizer spec")
    #expect(specError("SGD(0.1)")?.problem == "expected a hyperparameter name, found '0'")
    #expect(specError("Adam(betas=(0.9 0.99))")?.problem == "expected ',' between the two numbers, found '0'")
    #expect(specError("SGD(lr=)")?.problem == "expected a number, found ')'")
    #expect(specError("LBFGS(line_search_fn='strong_wolfe)")?.problem == "unterminated string")
    #expect(specError("(lr=1)")?.problem == "expected an optimizer name, found '('")
}

@Test func specsAreHashableByExplicitValues() throws {
    let a = try OptimizerSpec.parse("SGD(lr=0.1)")
    let b = try OptimizerSpec.parse("sgd(lr=1e-1)")
    let c = try OptimizerSpec.parse("SGD(lr=0.2)")
    #expect(a == b)
    #expect(a != c)
    #expect(Set([a, b, c]).count == 2)
}
