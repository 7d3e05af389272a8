"""Baseline for `make bench`: seed 000's figures as its notebook draws them.

Usage: python3 matplotlib_d2l.py NAME OUT
  NAME d2l_sgd, d2l_momentum, d2l_inertia, d2l_adagrad, d2l_rmsprop, d2l_adam: the
       notebook's train_2d + plot_2d (contourf gnuplot, start/end/minimum marks) for
       one optimizer with its slider defaults, as a PNG;
  NAME d2l_all: the six paths on one plot_2d contour with a legend (the catalog's
       d2l_all; the notebook draws them one by one);
  NAME d2l_adam with OUT.gif or OUT.mp4: the Adam path growing over 31 frames, 60 ms each (the
       reference d2l_adam_anim.gif), FuncAnimation + PillowWriter (GIF) or FFMpegWriter (MP4, the ffmpeg program).
The notebook animates only through its ipywidgets sliders (one still per slider
move), so the other optimizers are timed as stills. 10 × 6 inches at 100 dpi with
seed 000's seaborn 'paper' context, font_scale 2, emulated through rcParams.
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
                     "lines.markersize": 4.8, "legend.fontsize": 12})


def f_2d(x1, x2):
    return 0.1 * x1 ** 2 + 2 * x2 ** 2


def f_grad(x1, x2):
    return 0.2 * x1, 4 * x2


def train_2d(trainer, lr):
    x1, x2 = -5, -2
    s_x1, s_x2 = 0, 0
    res = [(x1, x2)]
    for _ in range(50):
        x1, x2, s_x1, s_x2, lr = trainer(x1, x2, s_x1, s_x2, lr)
        res.append((x1, x2))
    return res


def sgd(x1, x2, s1, s2, lr):
    d1, d2 = f_grad(x1, x2)
    return x1 - lr * d1, x2 - lr * d2, 0, 0, lr


def momentum(x1, x2, v1, v2, lr, gamma=0.1):
    d1, d2 = f_grad(x1, x2)
    v1 = gamma * v1 + lr * d1
    v2 = gamma * v2 + lr * d2
    return x1 - v1, x2 - v2, v1, v2, lr


def inertia(x1, x2, v1, v2, lr, gamma=0.1):
    d1, d2 = f_grad(x1, x2)
    v1 = gamma * v1 + (1 - gamma) * d1
    v2 = gamma * v2 + (1 - gamma) * d2
    return x1 - lr * v1, x2 - lr * v2, v1, v2, lr


def adagrad(x1, x2, s1, s2, lr):
    g1, g2 = f_grad(x1, x2)
    s1 += g1 ** 2
    s2 += g2 ** 2
    x1 -= lr / math.sqrt(s1 + 1e-6) * g1
    x2 -= lr / math.sqrt(s2 + 1e-6) * g2
    return x1, x2, s1, s2, lr


def rmsprop(x1, x2, s1, s2, lr, gamma=0.9):
    g1, g2 = f_grad(x1, x2)
    s1 = gamma * s1 + (1 - gamma) * g1 ** 2
    s2 = gamma * s2 + (1 - gamma) * g2 ** 2
    x1 -= lr / math.sqrt(s1 + 1e-6) * g1
    x2 -= lr / math.sqrt(s2 + 1e-6) * g2
    return x1, x2, s1, s2, lr


def adam_path(lr=0.1, beta1=0.9, beta2=0.999):
    def deltax(m, n, g, t):
        m = beta1 * m + (1 - beta1) * g
        n = beta2 * n + (1 - beta2) * g * g
        return m, n, lr * (m / (1 - beta1 ** t)) / (math.sqrt(n / (1 - beta2 ** t)) + 1.0e-6)
    x1, x2 = -5, -2
    m1 = n1 = m2 = n2 = 0
    res = [(x1, x2)]
    for i in range(30):
        g1, g2 = f_grad(x1, x2)
        m1, n1, dx1 = deltax(m1, n1, g1, i + 1)
        m2, n2, dx2 = deltax(m2, n2, g2, i + 1)
        x1 -= dx1
        x2 -= dx2
        res.append((x1, x2))
    return res


PATHS = {  # name: (title, path)
    "d2l_sgd": ("SGD", lambda: train_2d(sgd, 0.05)),
    "d2l_momentum": ("momentum", lambda: train_2d(momentum, 0.1)),
    "d2l_inertia": ("inertia", lambda: train_2d(inertia, 0.1)),
    "d2l_adagrad": ("adagrad", lambda: train_2d(adagrad, 0.1)),
    "d2l_rmsprop": ("rmsprop", lambda: train_2d(rmsprop, 0.1)),
    "d2l_adam": ("adam", adam_path),
}


def base(title, res):
    x2_ = [p[1] for p in res]
    fig = plt.figure(figsize=(10, 6), dpi=100)
    plt.plot([0], [0], "r*", ms=15)
    plt.text(0.0, 0.25, "minimum", color="w")
    plt.plot(res[0][0], res[0][1], "ro", ms=10)
    plt.text(res[0][0] + 0.1, res[0][1] + 0.2, "start", color="w")
    x1, x2 = np.meshgrid(np.linspace(-5.5, 3, 50),
                         np.linspace(min(-3.0, min(x2_) - 1), max(3.0, max(x2_) + 1), 100))
    plt.contourf(x1, x2, f_2d(x1, x2), cmap=cm.gnuplot)
    plt.xlabel("x1")
    plt.ylabel("x2")
    plt.title(title)
    return fig


def still(name, out):
    title, path = PATHS[name]
    res = path()
    x1_, x2_ = zip(*res)
    base(title, res)
    plt.plot(x1_, x2_, "-o", color="#ff7f0e")
    plt.plot(x1_[-1], x2_[-1], "wo")
    plt.text(x1_[-1], x2_[-1] - 0.25, "end", color="w")
    plt.savefig(out, dpi=100)


def all_six(out):
    runs = [(PATHS[n][0] if n != "d2l_sgd" else "SGD", PATHS[n][1]()) for n in PATHS]
    base("six optimizers", runs[0][1])
    for label, res in runs:
        x1_, x2_ = zip(*res)
        plt.plot(x1_, x2_, "-o", ms=3, label=label)
    plt.legend(loc="lower right", fontsize=12)
    plt.savefig(out, dpi=100)


def anim(name, out):
    title, path = PATHS[name]
    res = path()
    fig = base(title, res)
    line, = plt.plot([], [], "-o", color="#ff7f0e")

    def step(i):
        xs, ys = zip(*res[: i + 1])
        line.set_data(xs, ys)
        return (line,)

    a = animation.FuncAnimation(fig, step, frames=len(res), interval=60, blit=True)
    if out.endswith(".mp4"):   # FFMpegWriter: the ffmpeg program, H.264
        w = animation.FFMpegWriter(fps=1000 / 60, codec="libx264", extra_args=["-pix_fmt", "yuv420p"])
    else:
        w = animation.PillowWriter(fps=1000 / 60)
    a.save(out, writer=w, dpi=100)


if __name__ == "__main__":
    name, out = sys.argv[1], sys.argv[2]
    if out.endswith(".gif") or out.endswith(".mp4"):
        anim(name, out)
    elif name == "d2l_all":
        all_six(out)
    else:
        still(name, out)
