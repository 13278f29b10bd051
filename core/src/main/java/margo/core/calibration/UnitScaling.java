package margo.core.calibration;

import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;

/**
 * Scaled coordinates {@code u} for the derivative-free solvers, whose trust-region radius (BOBYQA) and step size
 * (CMA-ES) are single numbers for all parameters: {@code theta = offset + scale * u}, where a parameter with two
 * bounds maps {@code [lo, hi]} to {@code [0, 1]} and any other is centred on its start with scale
 * {@code max(|start|, 1)}.
 */
final class UnitScaling {
    final double[] offset;
    final double[] scale;
    final double[] lowerU;
    final double[] upperU;
    private final double[] lower;
    private final double[] upper;

    UnitScaling(Objective objective, double[] start) {
        int f = objective.freeCount();
        offset = new double[f];
        scale = new double[f];
        lowerU = new double[f];
        upperU = new double[f];
        lower = new double[f];
        upper = new double[f];
        for (int k = 0; k < f; k++) {
            double lo = objective.lower(k);
            double hi = objective.upper(k);
            lower[k] = lo;
            upper[k] = hi;
            if (Double.isFinite(lo) && Double.isFinite(hi)) {
                offset[k] = lo;
                scale[k] = hi - lo;
            } else {
                offset[k] = start[k];
                scale[k] = Math.max(Math.abs(start[k]), 1.0);
            }
            lowerU[k] = (lo - offset[k]) / scale[k];
            upperU[k] = (hi - offset[k]) / scale[k];
        }
    }

    double[] toUnit(double[] theta) {
        double[] u = new double[theta.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = Math.max(lowerU[k], Math.min(upperU[k], (theta[k] - offset[k]) / scale[k]));
        }
        return u;
    }

    void toParameters(double[] u, double[] theta) {
        for (int k = 0; k < u.length; k++) {
            // Clamp: offset + scale * u can round an ulp past a bound.
            theta[k] = Math.max(lower[k], Math.min(upper[k], offset[k] + scale[k] * u[k]));
        }
    }

    /** The objective as a function of scaled coordinates, for Commons Math's scalar optimisers. */
    ObjectiveFunction objectiveFunction(Objective objective) {
        double[] theta = new double[offset.length];
        double[] residuals = new double[objective.residualCount()];
        return new ObjectiveFunction(u -> {
            toParameters(u, theta);
            return objective.cost(theta, residuals);
        });
    }
}
