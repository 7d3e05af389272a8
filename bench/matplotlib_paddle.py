"""Baseline for `make bench`: seed 004's 2-D and fitting figures as the book draws them.

Usage: python3 matplotlib_paddle.py NAME OUT.png, NAME one of
  paddle_sphere_{sgd,adagrad,rmsprop,momentum,adam}
      train_f + Visualization.plot_2d on 0.2·x1² + 2·x2² from (3, 4): contourf with the
      book's colours list, black contour lines, colorbar, the black '-o' path;
      sgd lr 0.2 (20 epochs), adagrad lr 0.5 (50), rmsprop lr 0.1 β 0.9 (50),
      momentum lr 0.01 ρ 0.9 (50), adam lr 0.2 β 0.9/0.99 (20), ε 1e-7
  paddle_fit_{sgd,adagrad,rmsprop,momentum,adam}
      the simple fitting experiment, trained here (the timing includes it, as the
      book's users run it too): y = 0.5·x1 + 0.8·x2 + 0.01·noise, 1000 samples, a
      Linear(2) layer (W standard normal, b zero), MSE loss, 30 epochs of unshuffled
      mini-batches of 64 with the book's optimizer classes' update rules (sgd lr 0.01,
      adagrad lr 0.1, rmsprop lr 0.1 β 0.9, momentum lr 0.01 ρ 0.9, adam lr 0.1
      β 0.9/0.99 with its t advanced once per parameter, as the book's step does),
      then plot_loss: iteration loss | epoch loss, 10 × 4 inches
numpy stands in for paddle (numpy's default_rng(0) for paddle.seed(0), the numbers
the reference renders use). 10 × 6 inches at 100 dpi unless noted.
"""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


class SimpleBatchGD:
    def __init__(self, init_lr, model):
        self.init_lr, self.model = init_lr, model

    def step(self):
        for key in self.model.params.keys():
            self.model.params[key] = self.model.params[key] - self.init_lr * self.model.grads[key]


class Adagrad(SimpleBatchGD):
    def __init__(self, init_lr, model, epsilon):
        super().__init__(init_lr, model)
        self.G = {key: 0 for key in model.params}
        self.epsilon = epsilon

    def step(self):
        for key in self.model.params.keys():
            g = self.model.grads[key]
            self.G[key] = self.G[key] + g ** 2
            self.model.params[key] = self.model.params[key] - self.init_lr / np.sqrt(self.G[key] + self.epsilon) * g


class RMSprop(SimpleBatchGD):
    def __init__(self, init_lr, model, beta, epsilon):
        super().__init__(init_lr, model)
        self.G = {key: 0 for key in model.params}
        self.beta, self.epsilon = beta, epsilon

    def step(self):
        for key in self.model.params.keys():
            g = self.model.grads[key]
            self.G[key] = self.beta * self.G[key] + (1 - self.beta) * g ** 2
            self.model.params[key] = self.model.params[key] - self.init_lr / np.sqrt(self.G[key] + self.epsilon) * g


class Momentum(SimpleBatchGD):
    def __init__(self, init_lr, model, rho):
        super().__init__(init_lr, model)
        self.delta_x = {key: 0 for key in model.params}
        self.rho = rho

    def step(self):
        for key in self.model.params.keys():
            self.delta_x[key] = self.rho * self.delta_x[key] - self.init_lr * self.model.grads[key]
            self.model.params[key] = self.model.params[key] + self.delta_x[key]


class Adam(SimpleBatchGD):
    def __init__(self, init_lr, model, beta1, beta2, epsilon):
        super().__init__(init_lr, model)
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self.M = {key: 0 for key in model.params}
        self.G = {key: 0 for key in model.params}
        self.t = 1

    def step(self):
        for key in self.model.params.keys():
            g = self.model.grads[key]
            self.M[key] = self.beta1 * self.M[key] + (1 - self.beta1) * g
            self.G[key] = self.beta2 * self.G[key] + (1 - self.beta2) * g ** 2
            m_hat = self.M[key] / (1 - self.beta1 ** self.t)
            g_hat = self.G[key] / (1 - self.beta2 ** self.t)
            self.t += 1
            self.model.params[key] = self.model.params[key] - self.init_lr / np.sqrt(g_hat + self.epsilon) * m_hat


# ---- 2-D visualisation experiment ----

class OptimizedFunction:
    def __init__(self, w):
        self.w = w
        self.params, self.grads = {"x": 0}, {"x": 0}

    def __call__(self, x):
        self.params["x"] = x
        return np.matmul(self.w, np.square(x))  # paddle.matmul(w.T, x²)

    def backward(self):
        self.grads["x"] = 2 * self.w * self.params["x"]


SPHERE = {  # name: (optimizer, epochs)
    "paddle_sphere_sgd": (lambda m: SimpleBatchGD(init_lr=0.2, model=m), 20),
    "paddle_sphere_adagrad": (lambda m: Adagrad(init_lr=0.5, model=m, epsilon=1e-7), 50),
    "paddle_sphere_rmsprop": (lambda m: RMSprop(init_lr=0.1, model=m, beta=0.9, epsilon=1e-7), 50),
    "paddle_sphere_momentum": (lambda m: Momentum(init_lr=0.01, model=m, rho=0.9), 50),
    "paddle_sphere_adam": (lambda m: Adam(init_lr=0.2, model=m, beta1=0.9, beta2=0.99, epsilon=1e-7), 20),
}


def sphere(name, out):
    make, epoch = SPHERE[name]
    model = OptimizedFunction(np.array([0.2, 2.0], dtype=np.float32))
    optimizer = make(model)
    x = np.array([3, 4], dtype=np.float32)
    all_x = []
    for _ in range(epoch):  # train_f
        all_x.append(x.copy())
        model(x)
        model.backward()
        optimizer.step()
        x = model.params["x"]
    x = np.array(all_x)
    x1, x2 = np.meshgrid(np.arange(-5, 5, 0.1), np.arange(-5, 5, 0.1))
    init_x = np.array([x1, x2])
    fig, ax = plt.subplots(figsize=(10, 6), dpi=100)  # Visualization.plot_2d
    cp = ax.contourf(init_x[0], init_x[1], model(init_x.transpose([1, 0, 2])),
                     colors=["#e4007f", "#f19ec2", "#e86096", "#eb7aaa", "#f6c8dc", "#f5f5f5", "#000000"])
    ax.contour(init_x[0], init_x[1], model(init_x.transpose([1, 0, 2])), colors="black")
    fig.colorbar(cp)
    ax.plot(x[:, 0], x[:, 1], "-o", color="#000000")
    ax.plot(0, "r*", markersize=18, color="#fefefe")
    ax.set_xlabel("$x1$")
    ax.set_ylabel("$x2$")
    ax.set_xlim((-2, 5))
    ax.set_ylim((-2, 5))
    plt.savefig(out, dpi=100)


# ---- simple fitting experiment ----

class Linear:
    def __init__(self, input_size, rng):
        self.params = {"W": rng.standard_normal((input_size, 1)).astype(np.float32),
                       "b": np.zeros(1, dtype=np.float32)}
        self.grads = {}

    def __call__(self, inputs):
        self.inputs = inputs
        self.outputs = inputs @ self.params["W"] + self.params["b"]
        return self.outputs

    def backward(self, labels):
        K = self.inputs.shape[0]
        self.grads["W"] = 1. / K * self.inputs.T @ (self.outputs - labels)
        self.grads["b"] = 1. / K * np.sum(self.outputs - labels, axis=0)


FIT = {
    "paddle_fit_sgd": lambda m: SimpleBatchGD(init_lr=0.01, model=m),
    "paddle_fit_adagrad": lambda m: Adagrad(init_lr=0.1, model=m, epsilon=1e-7),
    "paddle_fit_rmsprop": lambda m: RMSprop(init_lr=0.1, model=m, beta=0.9, epsilon=1e-7),
    "paddle_fit_momentum": lambda m: Momentum(init_lr=0.01, model=m, rho=0.9),
    "paddle_fit_adam": lambda m: Adam(init_lr=0.1, model=m, beta1=0.9, beta2=0.99, epsilon=1e-7),
}


def fit(name, out):
    rng = np.random.default_rng(0)  # paddle.seed(0)
    X = rng.standard_normal((1000, 2)).astype(np.float32)
    w = np.array([[0.5], [0.8]], dtype=np.float32)
    noise = 0.01 * rng.random((1000, 1), dtype=np.float32)
    data = np.concatenate((X, X @ w + noise), axis=1)
    model = Linear(2, np.random.default_rng(0))
    optimizer = FIT[name](model)
    num_epochs, batch_size, N = 30, 64, len(data)
    epoch_loss, iter_loss = [], []
    for _ in range(num_epochs):  # train(): no shuffling
        mini_batches = [data[i:i + batch_size] for i in range(0, N, batch_size)]
        for mini_batch in mini_batches:
            inputs, labels = mini_batch[:, :-1], mini_batch[:, -1:]
            outputs = model(inputs)
            loss = np.mean((outputs - labels) ** 2)  # nn.MSELoss()
            model.backward(labels)
            optimizer.step()
            iter_loss.append(loss)
        epoch_loss.append(np.mean(iter_loss))
    plt.figure(figsize=(10, 4), dpi=100)  # plot_loss
    ax1 = plt.subplot(121)
    ax1.plot(iter_loss, color="#e4007f")
    plt.title("iteration loss")
    ax2 = plt.subplot(122)
    ax2.plot(epoch_loss, color="#f19ec2")
    plt.title("epoch loss")
    plt.savefig(out, dpi=100)


if __name__ == "__main__":
    name = sys.argv[1]
    (sphere if name in SPHERE else fit)(name, sys.argv[2])
