package margo.core.pricing;

/**
 * Shape-preserving rational cubic interpolation of R. Delbourgo and J. A. Gregory, "Shape preserving piecewise
 * rational interpolation", SIAM J. Sci. Stat. Comput. 6 (1985) 967-976, as used by Jaeckel's "Let's be rational"
 * (section 4) for the initial guess of the implied volatility: on {@code [xL, xR]} with values {@code yL, yR},
 * slopes {@code dL, dR} and control parameter {@code r} (r = 3 is the ordinary cubic Hermite, r -&gt; infinity linear).
 */
final class RationalCubic {

    private static final double MINIMUM_CONTROL_PARAMETER = -(1.0 - Math.sqrt(Math.ulp(1.0)));
    private static final double MAXIMUM_CONTROL_PARAMETER = 2.0 / (Math.ulp(1.0) * Math.ulp(1.0));

    private RationalCubic() {
    }

    /** Delbourgo-Gregory equation (2.4) divided by (2.5), as numbered in Jaeckel's reference code. */
    static double interpolate(double x, double xL, double xR, double yL, double yR, double dL, double dR, double r) {
        double h = xR - xL;
        if (Math.abs(h) <= 0.0) {
            return 0.5 * (yL + yR);
        }
        double t = (x - xL) / h;
        if (!(r >= MAXIMUM_CONTROL_PARAMETER)) {
            double omt = 1.0 - t;
            double t2 = t * t;
            double omt2 = omt * omt;
            return (yR * t2 * t + (r * yR - h * dR) * t2 * omt + (r * yL + h * dL) * t * omt2 + yL * omt2 * omt)
                    / (1.0 + (r - 3.0) * t * omt);
        }
        return yR * t + yL * (1.0 - t);
    }

    /** The convexity-preserving control parameter that matches {@code secondDerivativeL} at the left end. */
    static double convexControlParameterFittingLeft(double xL, double xR, double yL, double yR, double dL, double dR,
            double secondDerivativeL, boolean preferShapePreservation) {
        double h = xR - xL;
        double numerator = 0.5 * h * secondDerivativeL + (dR - dL);
        double denominator = (yR - yL) / h - dL;
        double r = controlParameter(numerator, denominator);
        return Math.max(r, minimumControlParameter(dL, dR, (yR - yL) / h, preferShapePreservation));
    }

    /** The convexity-preserving control parameter that matches {@code secondDerivativeR} at the right end. */
    static double convexControlParameterFittingRight(double xL, double xR, double yL, double yR, double dL, double dR,
            double secondDerivativeR, boolean preferShapePreservation) {
        double h = xR - xL;
        double numerator = 0.5 * h * secondDerivativeR + (dR - dL);
        double denominator = dR - (yR - yL) / h;
        double r = controlParameter(numerator, denominator);
        return Math.max(r, minimumControlParameter(dL, dR, (yR - yL) / h, preferShapePreservation));
    }

    private static double controlParameter(double numerator, double denominator) {
        if (isZero(numerator)) {
            return 0.0;
        }
        if (isZero(denominator)) {
            return numerator > 0.0 ? MAXIMUM_CONTROL_PARAMETER : MINIMUM_CONTROL_PARAMETER;
        }
        return numerator / denominator;
    }

    /** The smallest r keeping the interpolant monotone (eq. 3.8) and convex or concave (eq. 3.18) where the data are. */
    private static double minimumControlParameter(double dL, double dR, double slope, boolean preferShapePreservation) {
        boolean monotonic = dL * slope >= 0.0 && dR * slope >= 0.0;
        boolean convex = dL <= slope && slope <= dR;
        boolean concave = dL >= slope && slope >= dR;
        if (!monotonic && !convex && !concave) {
            return MINIMUM_CONTROL_PARAMETER;
        }
        double r1 = -Double.MAX_VALUE;
        double r2 = -Double.MAX_VALUE;
        if (monotonic) {
            if (!isZero(slope)) {
                r1 = (dR + dL) / slope;
            } else if (preferShapePreservation) {
                r1 = MAXIMUM_CONTROL_PARAMETER;
            }
        }
        if (convex || concave) {
            double slopeMinusDL = slope - dL;
            double dRMinusSlope = dR - slope;
            if (!(isZero(slopeMinusDL) || isZero(dRMinusSlope))) {
                r2 = Math.max(Math.abs((dR - dL) / dRMinusSlope), Math.abs((dR - dL) / slopeMinusDL));
            } else if (preferShapePreservation) {
                r2 = MAXIMUM_CONTROL_PARAMETER;
            }
        } else if (monotonic && preferShapePreservation) {
            r2 = MAXIMUM_CONTROL_PARAMETER;
        }
        return Math.max(MINIMUM_CONTROL_PARAMETER, Math.max(r1, r2));
    }

    private static boolean isZero(double x) {
        return Math.abs(x) < Double.MIN_NORMAL;
    }
}
