"""Reference values for tests/unit/stats/{welch,spearman-exact,multiple}.test.ts and the trend tests.

Run: python3 tests/unit/stats/reference_figures.py (numpy 2.4.6, scipy 1.17.1). Independent of the
TypeScript code: the permutation p-values enumerate itertools.permutations and compare |rho|, the Pearson
correlation of scipy.stats.rankdata ranks; scipy's own permutation_test is printed next to them
(for n < 10; for n = 10 it takes minutes).
"""
import itertools

import numpy as np
from scipy import stats

Z = stats.norm.ppf(0.975)


def contrast(f, n, v, adjusted):
    """Linear contrast of proportions: Wald, or Price & Bonett (2004) adjusted Wald (statpsych::ci.lc.prop.bs)."""
    f, n, v = (np.asarray(a, dtype=float) for a in (f, n, v))
    m = np.count_nonzero(v)
    nn = n + 4 / m if adjusted else n
    p = (f + 2 / m) / nn if adjusted else f / n
    est = np.sum(v * p)
    se = np.sqrt(np.sum(v**2 * p * (1 - p) / nn))
    z = est / se
    return dict(estimate=est, se=se, z=z, p=2 * stats.norm.sf(abs(z)), lower=est - Z * se, upper=est + Z * se)


def did(by, bn, ay, an):
    """(ay − an) − (by − bn); adjusted when any group is at 0 or 1; interval clamped to [−2, 2]."""
    groups = [by, bn, ay, an]
    adjusted = any(x in (0, n) for x, n in groups)
    r = contrast([g[0] for g in groups], [g[1] for g in groups], [-1, 1, 1, -1], adjusted)
    change = (ay[0] / ay[1] - an[0] / an[1]) - (by[0] / by[1] - bn[0] / bn[1])
    return dict(change=change, adjusted=adjusted, z=r["z"], p=r["p"], lower=max(-2, r["lower"]), upper=min(2, r["upper"]))


def exact_spearman(x, y):
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    obs = np.corrcoef(rx, ry)[0, 1]
    perms = np.array(list(itertools.permutations(range(len(x)))), dtype=np.int8)
    dx, dy = rx - rx.mean(), ry - ry.mean()
    rhos = (dy[perms] @ dx) / np.sqrt((dx @ dx) * (dy @ dy))  # Pearson correlation of the ranks, every pairing
    hits = int(np.count_nonzero(np.abs(rhos) >= abs(obs) * (1 - 1e-12)))
    scipy_p = stats.permutation_test((y,), lambda yy: stats.spearmanr(x, yy).statistic, permutation_type="pairings", n_resamples=np.inf).pvalue if len(x) < 10 else "not run (slow)"
    return dict(rho=obs, hits=hits, perms=len(perms), p=hits / len(perms), scipy_permutation_test=scipy_p, t_approx=stats.spearmanr(x, y).pvalue)


if __name__ == "__main__":
    print("statpsych::ci.lc.prop.bs example", contrast([26, 24, 38], [60, 60, 60], [-0.5, -0.5, 1], True))
    print("did degenerate 5/5,0/5 -> 0/5,5/5", did((5, 5), (0, 5), (0, 5), (5, 5)))
    print("did degenerate 5/5,0/5 -> 5/5,0/5", did((5, 5), (0, 5), (5, 5), (0, 5)))
    print("did one group at 1: 10/10,5/30 -> 20/20,10/30", did((10, 10), (5, 30), (20, 20), (10, 30)))
    print("did large (unchanged Wald)", did((30, 40), (50, 120), (45, 50), (40, 130)))
    print("did interval hits -2: 1/1,0/1 -> 0/1,1/1", did((1, 1), (0, 1), (0, 1), (1, 1)))
    for x, y in [
        ([1, 2, 3, 4, 5], [10, 20, 30, 40, 50]),
        ([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]),
        ([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]),
        ([1, 2, 3], [3, 1, 2]),
        ([10, 20, 30, 40, 50], [20, 25, 22, 50, 45]),
        ([10, 20, 20, 35, 50, 55, 70, 80], [30, 25, 40, 45, 60, 50, 75, 70]),
        ([80, 70, 65, 50, 40, 30, 20, 10], [30, 25, 40, 45, 60, 50, 75, 70]),
        ([1, 2, 2, 3, 3, 3, 4], [10, 20, 20, 20, 50, 40, 60]),
        (list(range(1, 11)), [2, 1, 4, 3, 7, 8, 6, 5, 10, 9]),
    ]:
        print("spearman", x, y, exact_spearman(x, y))
    for p in [
        [0.01, 0.04, 0.03, 0.005, 0.2],
        [0.0045863920802534895, 1.0766283957702675e-05, 0.033894853524689295, 0.28, 0.04, 0.04, 0.9, 1.0],
        [0.5],
        [0.049, 0.049, 0.049],
    ]:
        print("bh", p, stats.false_discovery_control(p, method="bh").tolist())
