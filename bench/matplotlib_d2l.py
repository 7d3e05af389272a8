"""Baseline for `make bench`: seed 000's figures as its notebook draws them.

`still OUT.png`: the SGD contour figure (plot_2d, lr 0.05, 50 steps).
`anim OUT.gif`: the Adam path growing over 31 frames, 60 ms each (the reference
d2l_adam_anim.gif), saved with Pillow. Both 10 × 6 inches at 100 dpi with seed
000's seaborn-like style emulated through rcParams (no seaborn needed).
"""
import math
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import animation, cm

plt.rcParams.update({"font.size": 19.2, "axes.labelsize": 19.2, "axes.titlesize": 19.2,
                     "xtick.labelsize": 17.6, "ytick.labelsize": 17.6, "lines.linewidth": 1.2,
                     "lines.markersize": 4.8})


def f_2d(x1, x2):
    return 0.1 * x1 ** 2 + 2 * x2 ** 2


def sgd_path(lr=0.05, steps=50):
    x1, x2 = -5.0, -2.0
    res = [(x1, x2)]
    for _ in range(steps):
        x1, x2 = x1 - lr * 0.2 * x1, x2 - lr * 4 * x2
        res.append((x1, x2))
    return res


def adam_path(lr=0.1, b1=0.9, b2=0.999, steps=30):
    x = [-5.0, -2.0]
    m, n = [0.0, 0.0], [0.0, 0.0]
    res = [tuple(x)]
    for t in range(1, steps + 1):
        g = [0.2 * x[0], 4 * x[1]]
        for i in range(2):
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            n[i] = b2 * n[i] + (1 - b2) * g[i] * g[i]
            x[i] -= lr * (m[i] / (1 - b1 ** t)) / (math.sqrt(n[i] / (1 - b2 ** t)) + 1e-6)
        res.append(tuple(x))
    return res


def base(title):
    fig = plt.figure(figsize=(10, 6), dpi=100)
    plt.plot([0], [0], "r*", ms=15)
    plt.text(0.0, 0.25, "minimum", color="w")
    x1, x2 = np.meshgrid(np.linspace(-5.5, 3, 50), np.linspace(-3, 3, 100))
    plt.contourf(x1, x2, f_2d(x1, x2), cmap=cm.gnuplot)
    plt.xlabel("x1")
    plt.ylabel("x2")
    plt.title(title)
    return fig


def still(out):
    res = sgd_path()
    x1_, x2_ = zip(*res)
    base("SGD")
    plt.plot(x1_[0], x2_[0], "ro", ms=10)
    plt.text(x1_[0] + 0.1, x2_[0] + 0.2, "start", color="w")
    plt.plot(x1_, x2_, "-o", color="#ff7f0e")
    plt.plot(x1_[-1], x2_[-1], "wo")
    plt.text(x1_[-1], x2_[-1] - 0.25, "end", color="w")
    plt.savefig(out, dpi=100)


def anim(out):
    res = adam_path()
    fig = base("adam")
    plt.plot(res[0][0], res[0][1], "ro", ms=10)
    line, = plt.plot([], [], "-o", color="#ff7f0e")

    def step(i):
        xs, ys = zip(*res[: i + 1])
        line.set_data(xs, ys)
        return (line,)

    a = animation.FuncAnimation(fig, step, frames=len(res), interval=60, blit=True)
    a.save(out, writer=animation.PillowWriter(fps=1000 / 60), dpi=100)


if __name__ == "__main__":
    {"still": still, "anim": anim}[sys.argv[1]](sys.argv[2])
