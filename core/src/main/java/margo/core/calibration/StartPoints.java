package margo.core.calibration;

import org.apache.commons.math3.random.MersenneTwister;

/**
 * The starts of a multi-start calibration: the declared start first, then points drawn uniformly from a Mersenne
 * Twister seeded with the problem's seed, so the same seed gives the same starts. A parameter with two bounds is
 * drawn from {@code [lo, hi]}; with one bound {@code b}, from the interval between {@code b} and
 * {@code b + 2 max(|start - b|, 1)} on the feasible side; with none, from {@code start +- max(|start|, 1)}.
 */
final class StartPoints {

    private StartPoints() {
    }

    /** {@code starts} start vectors of the free parameters (start 0 is the declared start). */
    static double[][] draw(Objective objective, double[] declared, int starts, long seed) {
        int f = declared.length;
        double[][] points = new double[starts][];
        points[0] = declared.clone();
        MersenneTwister random = new MersenneTwister(seed);
        for (int s = 1; s < starts; s++) {
            double[] point = new double[f];
            for (int k = 0; k < f; k++) {
                double lo = objective.lower(k);
                double hi = objective.upper(k);
                double u = random.nextDouble();
                double start = declared[k];
                if (Double.isFinite(lo) && Double.isFinite(hi)) {
                    point[k] = lo + (hi - lo) * u;
                } else if (Double.isFinite(lo)) {
                    point[k] = lo + 2.0 * u * Math.max(start - lo, 1.0);
                } else if (Double.isFinite(hi)) {
                    point[k] = hi - 2.0 * u * Math.max(hi - start, 1.0);
                } else {
                    point[k] = start + (2.0 * u - 1.0) * Math.max(Math.abs(start), 1.0);
                }
                point[k] = Math.max(lo, Math.min(hi, point[k]));
            }
            points[s] = point;
        }
        return points;
    }
}
