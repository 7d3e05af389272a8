"""Baseline for `make bench`: seeds 001 and 002's figures as their code draws them.

Usage: python3 matplotlib_seeds.py NAME OUT.png, NAME a catalog entry of seed 001
(PyTorch post on learning rates and momentum) or seed 002 ("Deep Learning from
Scratch" notebook):
  lr_curve                  y = 4x² on [−3, 3], grid, legend
  lr_demo_lr{1,0.2,0.125}   loss vs iteration ('-ro', subplot 121) beside the curve with
                            the path (subplot 122); 4, 20, 4 iterations from x = 2
  lr_multi                  ten learning rates 0.01…0.2 (np.linspace), 100 iterations
  sgd_momentum_loss[_m0|_m063]  torch.optim.SGD's rule (v = m·v + g, x −= lr·v):
                            lr 0.01 with momentum 0.9 / 0 / 0.63 against lr 0.03 without
  ew_weights, ew_multi_beta exponentially weighted average weights (1 − β)·β^t
  jp_sgd, jp_momentum[_1000], jp_adagrad[_10000]   eval_optimizer: the red 'o-' path on
                            [−10, 10]² of x²/20 + y² from (−7, 2), gradients by the
                            notebook's numerical_gradient (plus faint contour lines, as
                            the catalog entries draw them)
  jp_quiver                 −∇f·0.1 on a 0.1 grid of [−5, 5]² (numerical_gradient per
                            point), quiver Reds, colorbar, shown on [−0.5, 0.5]²
  jp_surface3d              plot_surface summer + contour at z = −1, 8 × 8 inches
The seeds call plt.show(); here each figure is saved at the catalog entry's size
(matplotlib's default 6.4 × 4.8 inches at 100 dpi, as both seeds make them,
unless noted). The update rules run in numpy (no torch).
"""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def func(x):  # seed 001: y = (2x)² = 4x², dy/dx = 8x
    return 4 * x ** 2


def figure():
    # matplotlib's default 6.4 × 4.8 in, which both seeds' plt.plot/plt.figure() make
    return plt.figure(figsize=(6.4, 4.8), dpi=100)


def lr_curve(out):
    figure()
    x_t = np.linspace(-3, 3, 100)
    plt.plot(x_t, func(x_t), label="y = 4*x^2")
    plt.grid()
    plt.xlabel("x")
    plt.ylabel("y")
    plt.legend()
    plt.savefig(out, dpi=100)


def lr_demo(lr, max_iteration):
    def draw(out):
        x = 2.0
        iter_rec, loss_rec, x_rec = [], [], []
        for i in range(max_iteration):
            y = func(x)
            x_rec.append(x)
            x -= lr * 8 * x
            iter_rec.append(i)
            loss_rec.append(y)
        figure()
        plt.subplot(121).plot(iter_rec, loss_rec, "-ro")
        plt.xlabel("Iteration")
        plt.ylabel("Loss value")
        x_t = np.linspace(-3, 3, 100)
        plt.subplot(122).plot(x_t, func(x_t), label="y = 4*x^2")
        plt.grid()
        plt.subplot(122).plot(x_rec, [func(v) for v in x_rec], "-ro")
        plt.legend()
        plt.savefig(out, dpi=100)
    return draw


def lr_multi(out):
    lr_list = np.linspace(0.01, 0.2, num=10).tolist()
    loss_rec = [[] for _ in lr_list]
    for i, lr in enumerate(lr_list):
        x = 2.0
        for _ in range(100):
            loss_rec[i].append(func(x))
            x -= lr * 8 * x
    figure()
    for i, loss_r in enumerate(loss_rec):
        plt.plot(range(len(loss_r)), loss_r, label="LR: {}".format(lr_list[i]))
    plt.legend()
    plt.xlabel("Iterations")
    plt.ylabel("Loss value")
    plt.savefig(out, dpi=100)


def sgd_momentum_loss(m):
    def draw(out):
        lr_list = [0.01, 0.03]
        momentum_list, loss_rec = [], [[], []]
        for i, lr in enumerate(lr_list):
            x, v = 2.0, None
            momentum = 0. if lr == 0.03 else m
            momentum_list.append(momentum)
            for _ in range(100):
                loss_rec[i].append(func(x))
                g = 8 * x
                v = g if v is None else momentum * v + g  # torch.optim.SGD
                x -= lr * (v if momentum else g)
        figure()
        for i, loss_r in enumerate(loss_rec):
            plt.plot(range(len(loss_r)), loss_r, label="LR: {} M:{}".format(lr_list[i], momentum_list[i]))
        plt.legend()
        plt.xlabel("Iterations")
        plt.ylabel("Loss value")
        plt.savefig(out, dpi=100)
    return draw


def exp_w_func(beta, time_list):
    return [(1 - beta) * np.power(beta, exp) for exp in time_list]


def ew_weights(out):
    beta, time_list = 0.9, np.arange(100).tolist()
    figure()
    plt.plot(time_list, exp_w_func(beta, time_list), "-ro", label="Beta: {}\ny = B^t * (1-B)".format(beta))
    plt.xlabel("time")
    plt.ylabel("weight")
    plt.legend()
    plt.title("exponentially weighted average")
    plt.savefig(out, dpi=100)


def ew_multi_beta(out):
    time_list = np.arange(100).tolist()
    beta_list = [0.98, 0.95, 0.9, 0.8]
    figure()
    for beta in beta_list:
        plt.plot(time_list, exp_w_func(beta, time_list), label="Beta: {}".format(beta))
        plt.xlabel("time")
        plt.ylabel("weight")
    plt.legend()
    plt.savefig(out, dpi=100)


# ---- seed 002 ----

def f(args):
    return (1 / 20) * (args[0] ** 2) + args[1] ** 2


def numerical_gradient(f, x):  # common/gradient.py of the book
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in range(x.size):
        tmp = x[idx]
        x[idx] = float(tmp) + h
        fxh1 = f(x)
        x[idx] = tmp - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp
    return grad


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.95):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] = params[key] + self.v[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.h, self.lr, self.epsilon = None, lr, 1e-7

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: 0 for key in params.keys()}
        for key in params.keys():
            self.h[key] = self.h[key] + grads[key] * grads[key]
            params[key] = params[key] - self.lr * 1 / (np.sqrt(self.h[key]) + self.epsilon) * grads[key]


def eval_optimizer(make, count):
    def draw(out):
        optimizer = make()
        x, y = -7.0, 2.0
        x_history, y_history = [], []
        for _ in range(count):
            g = numerical_gradient(f, np.array([x, y]))
            pos = {"x": x, "y": y}
            optimizer.update(pos, {"x": g[0], "y": g[1]})
            x, y = pos["x"], pos["y"]
            x_history.append(x)
            y_history.append(y)
        figure()
        gx, gy = np.meshgrid(np.linspace(-10, 10, 200), np.linspace(-10, 10, 200))
        plt.contour(gx, gy, f([gx, gy]), levels=[1, 4, 9, 16, 25, 36, 49, 64], colors="0.85", linewidths=0.8)
        plt.xlim(-10.0, 10)
        plt.ylim(-10.0, 10)
        plt.plot(x_history, y_history, "o-", color="red")
        plt.savefig(out, dpi=100)
    return draw


def jp_quiver(out):
    px, py, vx, vy, colors = [], [], [], [], []
    for _x in np.arange(-5.0, 5.0, 0.1):
        for _y in np.arange(-5.0, 5.0, 0.1):
            grad = -numerical_gradient(f, np.array([_x, _y]))
            px.append(_x)
            py.append(_y)
            vx.append(grad[0] * 0.1)
            vy.append(grad[1] * 0.1)
            colors.append(16)
    fig = figure()
    plt.gca().set_aspect("equal")
    im = plt.quiver(px, py, vx, vy, colors, cmap="Reds", scale=1, scale_units="xy")
    plt.xlim(-0.5, 0.5)
    plt.ylim(-0.5, 0.5)
    fig.colorbar(im)
    im.set_clim(0, 16)
    plt.savefig(out, dpi=100)


def jp_surface3d(out):
    x = np.arange(-10.0, 10.0, 0.1)
    y = np.arange(-10.0, 10.0, 0.1)
    fig = plt.figure(figsize=(8, 8), dpi=100)
    ax = fig.add_subplot(111, projection="3d")
    ax.set_xlabel("x", size=16)
    ax.set_ylabel("y", size=16)
    ax.set_zlabel("z", size=16)
    X, Y = np.meshgrid(x, y)
    Z = f([X, Y])
    ax.plot_surface(X, Y, Z, cmap="summer")
    ax.contour(X, Y, Z, colors="black", offset=-1)
    plt.savefig(out, dpi=100)


FIGURES = {
    "lr_curve": lr_curve,
    "lr_demo_lr1": lr_demo(1, 4),
    "lr_demo_lr0.2": lr_demo(0.2, 20),
    "lr_demo_lr0.125": lr_demo(0.125, 4),
    "lr_multi": lr_multi,
    "sgd_momentum_loss": sgd_momentum_loss(0.9),
    "sgd_momentum_loss_m0": sgd_momentum_loss(0.0),
    "sgd_momentum_loss_m063": sgd_momentum_loss(0.63),
    "ew_weights": ew_weights,
    "ew_multi_beta": ew_multi_beta,
    "jp_sgd": eval_optimizer(lambda: SGD(lr=0.95), 30),
    "jp_momentum": eval_optimizer(lambda: Momentum(lr=0.1), 30),
    "jp_momentum_1000": eval_optimizer(lambda: Momentum(lr=0.1), 1000),
    "jp_adagrad": eval_optimizer(lambda: AdaGrad(lr=1.5), 30),
    "jp_adagrad_10000": eval_optimizer(lambda: AdaGrad(lr=1.5), 10000),
    "jp_quiver": jp_quiver,
    "jp_surface3d": jp_surface3d,
}

if __name__ == "__main__":
    FIGURES[sys.argv[1]](sys.argv[2])
