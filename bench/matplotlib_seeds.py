"""Baseline for `make bench`: seeds 001, 002 and 004's figures as their code draws them.

Usage: python3 matplotlib_seeds.py FIGURE OUT.png, FIGURE one of
  lr_demo_lr0.2       seed 001: loss vs iteration (subplot 121, '-ro') beside y = 4x²
                      with the path (subplot 122), lr 0.2, 20 iterations from x = 2
  jp_sgd              seed 002: SGD lr 0.95, 30 steps on x²/20 + y² from (−7, 2), the red
                      'o-' path on [−10, 10]² (plus faint contour lines, as the catalog entry)
  paddle_sphere_sgd   seed 004: Visualization.plot_2d — contourf with the book's colours,
                      black contour lines, colorbar, SGD lr 0.2, 20 steps from (3, 4)
Each at the size of the matching catalog entry (10 × 6 inches at 100 dpi).
"""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def gd(grad, x, lr, steps):
    xs = [np.array(x, dtype=float)]
    for _ in range(steps):
        xs.append(xs[-1] - lr * grad(xs[-1]))
    return np.array(xs)


def lr_demo(out):
    xs = gd(lambda x: 8 * x, [2.0], 0.2, 20)[:, 0]
    loss = 4 * xs ** 2
    plt.figure(figsize=(10, 6), dpi=100)
    ax = plt.subplot(121)
    ax.plot(range(len(loss)), loss, "-ro")
    ax.set_xlabel("Iteration")
    ax.set_ylabel("Loss value")
    ax = plt.subplot(122)
    x_t = np.linspace(-3, 3, 100)
    ax.plot(x_t, 4 * x_t ** 2, label="y = 4*x^2")
    ax.grid()
    ax.plot(xs, loss, "-ro")
    ax.legend()
    plt.savefig(out, dpi=100)


def jp_sgd(out):
    path = gd(lambda p: np.array([p[0] / 10, 2 * p[1]]), [-7.0, 2.0], 0.95, 30)
    plt.figure(figsize=(10, 6), dpi=100)
    x, y = np.meshgrid(np.linspace(-10, 10, 200), np.linspace(-10, 10, 200))
    plt.contour(x, y, x ** 2 / 20 + y ** 2, levels=[1, 4, 9, 16, 25, 36, 49, 64], colors="0.85", linewidths=0.8)
    plt.xlim(-10.0, 10)
    plt.ylim(-10.0, 10)
    plt.plot(path[:, 0], path[:, 1], "o-", color="red")
    plt.savefig(out, dpi=100)


def paddle_sphere(out):
    x1, x2 = np.meshgrid(np.arange(-5, 5, 0.1), np.arange(-5, 5, 0.1))
    z = 0.2 * x1 ** 2 + 2 * x2 ** 2
    path = gd(lambda p: np.array([0.4 * p[0], 4 * p[1]]), [3.0, 4.0], 0.2, 20)
    fig, ax = plt.subplots(figsize=(10, 6))
    cp = ax.contourf(x1, x2, z, colors=["#e4007f", "#f19ec2", "#e86096", "#eb7aaa", "#f6c8dc", "#f5f5f5", "#000000"])
    ax.contour(x1, x2, z, colors="black")
    fig.colorbar(cp)
    ax.plot(path[:, 0], path[:, 1], "-o", color="#000000")
    ax.plot(0, "r*", markersize=18, color="#fefefe")
    ax.set_xlabel("$x1$")
    ax.set_ylabel("$x2$")
    ax.set_xlim((-2, 5))
    ax.set_ylim((-2, 5))
    plt.savefig(out, dpi=100)


if __name__ == "__main__":
    {"lr_demo_lr0.2": lr_demo, "jp_sgd": jp_sgd, "paddle_sphere_sgd": paddle_sphere}[sys.argv[1]](sys.argv[2])
