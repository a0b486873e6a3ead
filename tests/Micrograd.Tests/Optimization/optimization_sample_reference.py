"""CPython reference for samples/Optimization, checked by OptimizationSampleTests.

Everything here is written out by hand from the formulas (no Micrograd, no Math.NET):
  1. gradient descent on the 2-D Rosenbrock function, rate 0.001 from (-1.2, 1), until |gradient| < 1e-8;
  2. gradient descent on the chained 1,000-D Rosenbrock function, rate 2e-4 from (-1.2, 1, -1.2, 1, ...), 5,000 steps;
  3. the least-squares fit of a*exp(-b*t)*cos(c*t + d) to the sample's 100 noisy samples (Levenberg-Marquardt with
     the Jacobian by hand, run to convergence), with the standard errors sqrt(diag((J^T J)^-1) * RSS / (m - p)).

    python3 tests/Micrograd.Tests/Optimization/optimization_sample_reference.py
"""
import math


def rosenbrock(x):
    n = len(x)
    value = 0.0
    gradient = [0.0] * n
    for i in range(n - 1):
        valley = x[i + 1] - x[i] * x[i]
        offset = 1 - x[i]
        value += 100 * valley * valley + offset * offset
        gradient[i] += -400 * x[i] * valley - 2 * offset
        gradient[i + 1] += 200 * valley
    return value, gradient


def norm(v):
    return math.sqrt(sum(c * c for c in v))


def distance(x):
    return math.sqrt(sum((c - 1) * (c - 1) for c in x))


def descent(x, rate, tolerance, budget):
    x = list(x)
    value, gradient = rosenbrock(x)
    steps = 0
    while norm(gradient) >= tolerance and steps < budget:
        x = [c - rate * g for c, g in zip(x, gradient)]
        value, gradient = rosenbrock(x)
        steps += 1
    return steps, x, value


steps, x, value = descent([-1.2, 1.0], 1e-3, 1e-8, 10**6)
print("2-D descent: steps %d, distance %r, f %r, point %r" % (steps, distance(x), value, x))

start = [-1.2 if i % 2 == 0 else 1.0 for i in range(1000)]
steps, x, value = descent(start, 2e-4, 1e-8, 5000)
print("1000-D descent: steps %d, distance %r, f %r" % (steps, distance(x), value))

# The samples: the model with the true parameters plus uniform noise in [-0.05, 0.05) from a 64-bit LCG.
TRUE = (2.5, 0.3, 2.0, 0.5)
state = 1
times, observations = [], []
for k in range(100):
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    uniform = (state >> 11) * (1.0 / (1 << 53))
    t = k / 10.0
    a, b, c, d = TRUE
    times.append(t)
    observations.append(a * math.exp(-b * t) * math.cos(c * t + d) + 0.1 * uniform - 0.05)


def residuals_and_jacobian(p):
    a, b, c, d = p
    residuals, jacobian = [], []
    for t, y in zip(times, observations):
        e = math.exp(-b * t)
        cos, sin = math.cos(c * t + d), math.sin(c * t + d)
        residuals.append(y - a * e * cos)
        jacobian.append([e * cos, -a * t * e * cos, -a * t * e * sin, -a * e * sin])  # of the model
    return residuals, jacobian


def solve(m, v):
    n = len(v)
    m = [row[:] + [v[i]] for i, row in enumerate(m)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for k in range(col, n + 1):
                    m[r][k] -= f * m[col][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def normal_equations(p):
    r, j = residuals_and_jacobian(p)
    jtj = [[sum(row[i] * row[k] for row in j) for k in range(4)] for i in range(4)]
    jtr = [sum(row[i] * res for row, res in zip(j, r)) for i in range(4)]
    return sum(res * res for res in r), jtj, jtr


p = [1.0, 0.1, 1.8, 0.0]
mu = 1e-3
rss, jtj, jtr = normal_equations(p)
for _ in range(1000):
    damped = [[jtj[i][k] + (mu * jtj[i][i] if i == k else 0.0) for k in range(4)] for i in range(4)]
    step = solve(damped, jtr)
    trial = [pi + si for pi, si in zip(p, step)]
    trial_rss, trial_jtj, trial_jtr = normal_equations(trial)
    if trial_rss < rss:
        p, rss, jtj, jtr, mu = trial, trial_rss, trial_jtj, trial_jtr, mu / 10
        if max(abs(s) for s in step) < 1e-15:
            break
    else:
        mu *= 10
        if mu > 1e20:
            break

inverse = [solve(jtj, [1.0 if i == k else 0.0 for i in range(4)]) for k in range(4)]
errors = [math.sqrt(inverse[i][i] * rss / (100 - 4)) for i in range(4)]
print("fit: parameters %r" % p)
print("fit: standard errors %r" % errors)
print("fit: |J^T r| %r, RSS %r" % (norm(jtr), rss))
