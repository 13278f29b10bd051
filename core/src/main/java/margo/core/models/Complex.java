package margo.core.models;

/**
 * A complex number, immutable, for characteristic-function arithmetic. The characteristic functions are evaluated
 * once per Fourier-cosine term and expiry (not per quote); C2 scalar-replaces these short-lived values, but the
 * interpreter and C1, which run a fresh JVM's first calibration, allocate each one, so Heston's characteristic function
 * and gradient, which calibrations evaluate most, are written out on real and imaginary parts
 * ({@link #quotientRe} and the other static part functions serve them).
 *
 * @param re the real part
 * @param im the imaginary part
 */
public record Complex(double re, double im) {

    /** 0. */
    public static final Complex ZERO = new Complex(0.0, 0.0);
    /** 1. */
    public static final Complex ONE = new Complex(1.0, 0.0);

    /** The imaginary number {@code i y}. */
    public static Complex imaginary(double y) {
        return new Complex(0.0, y);
    }

    public Complex plus(Complex z) {
        return new Complex(re + z.re, im + z.im);
    }

    public Complex plus(double x) {
        return new Complex(re + x, im);
    }

    public Complex minus(Complex z) {
        return new Complex(re - z.re, im - z.im);
    }

    public Complex minus(double x) {
        return new Complex(re - x, im);
    }

    public Complex times(Complex z) {
        return new Complex(re * z.re - im * z.im, re * z.im + im * z.re);
    }

    public Complex times(double x) {
        return new Complex(re * x, im * x);
    }

    /**
     * Multiplies each complex number {@code re[j] + i im[j]}, j in {@code [from, to)}, by this one, in place: turns
     * the gradient of {@code ln phi} into that of phi.
     */
    public void timesEach(double[] re, double[] im, int from, int to) {
        for (int j = from; j < to; j++) {
            double r = re[j];
            re[j] = this.re * r - this.im * im[j];
            im[j] = this.re * im[j] + this.im * r;
        }
    }

    /** Writes this number into {@code re[index]} and {@code im[index]}. */
    public void storeAt(int index, double[] re, double[] im) {
        re[index] = this.re;
        im[index] = this.im;
    }

    /** Smith's algorithm, which avoids overflow of {@code |z|^2}. */
    public Complex dividedBy(Complex z) {
        return new Complex(quotientRe(re, im, z.re, z.im), quotientIm(re, im, z.re, z.im));
    }

    /**
     * {@code Re((aRe + i aIm) / (bRe + i bIm))} by Smith's algorithm: {@link #dividedBy} on real and imaginary parts,
     * for the characteristic functions that are written out on parts so as to allocate nothing.
     */
    static double quotientRe(double aRe, double aIm, double bRe, double bIm) {
        if (Math.abs(bRe) >= Math.abs(bIm)) {
            double r = bIm / bRe;
            return (aRe + aIm * r) / (bRe + bIm * r);
        }
        double r = bRe / bIm;
        return (aRe * r + aIm) / (bRe * r + bIm);
    }

    /** {@code Im((aRe + i aIm) / (bRe + i bIm))}, as {@link #quotientRe}. */
    static double quotientIm(double aRe, double aIm, double bRe, double bIm) {
        if (Math.abs(bRe) >= Math.abs(bIm)) {
            double r = bIm / bRe;
            return (aIm - aRe * r) / (bRe + bIm * r);
        }
        double r = bRe / bIm;
        return (aIm * r - aRe) / (bRe * r + bIm);
    }

    public Complex reciprocal() {
        return ONE.dividedBy(this);
    }

    public Complex negate() {
        return new Complex(-re, -im);
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    /**
     * {@code |re + i im|} as {@code sqrt(re^2 + im^2)} where the squares neither overflow nor underflow, within an ulp
     * of {@link Math#hypot}, which runs StrictMath's fdlibm port in Java (a tenth of a Heston calibration's time);
     * hypot elsewhere. {@code ComplexTest} checks the two agree to 2 ulps.
     */
    static double modulus(double re, double im) {
        double squared = re * re + im * im;
        return squared > 1e-290 && squared < 1e290 ? Math.sqrt(squared) : Math.hypot(re, im);
    }

    public Complex exp() {
        double m = Math.exp(re);
        return new Complex(m * Math.cos(im), m * Math.sin(im));
    }

    /** The principal logarithm, imaginary part in (-pi, pi]. */
    public Complex log() {
        return new Complex(Math.log(abs()), Math.atan2(im, re));
    }

    /**
     * {@code ln(1 + z)}, principal branch, accurate to relative rounding error when |z| is small (where
     * {@code plus(1).log()} would lose the digits of z to the rounding of 1 + z).
     */
    public Complex log1p() {
        return new Complex(log1pRe(re, im), log1pIm(re, im));
    }

    /** {@code Re ln(1 + z)} of {@code z = re + i im}, as {@link #log1p}. */
    static double log1pRe(double re, double im) {
        return 0.5 * log1p(re * (2.0 + re) + im * im);
    }

    /**
     * {@code ln(1 + x)} for {@code x >= -1}, accurate to a few ulps, as {@code log(1 + x) x / ((1 + x) - 1)}: the
     * rounding of {@code 1 + x} in the logarithm is undone by the same rounding in the divisor (W. Kahan; D. Goldberg,
     * "What every computer scientist should know about floating-point arithmetic", ACM Computing Surveys 23(1)
     * (1991), theorem 4). Math.log is a compiler intrinsic where Math.log1p runs StrictMath's fdlibm port in Java,
     * which was a tenth of a Heston calibration; {@code ComplexTest} checks the two agree to 4 ulps.
     */
    static double log1p(double x) {
        double u = 1.0 + x;
        if (u == 1.0) {
            return x;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return Math.log1p(x);
        }
        return Math.log(u) * (x / (u - 1.0));
    }

    /** {@code Im ln(1 + z)} of {@code z = re + i im}, as {@link #log1p}. */
    static double log1pIm(double re, double im) {
        return Math.atan2(im, 1.0 + re);
    }

    /**
     * {@code arg a - arg b}, principal arguments, of {@code a = aRe + i aIm} and {@code b = bRe + i bIm}: where both
     * real parts are positive each argument is within (-pi/2, pi/2), so their difference is within (-pi, pi), where
     * it is the principal argument of {@code a conj(b)}, one atan2 where the difference takes two (Math.atan2 runs
     * StrictMath's fdlibm port in Java, a quarter of a Heston calibration's time). Elsewhere, or where the product
     * could overflow or underflow, the difference of the two.
     */
    static double argumentDifference(double aRe, double aIm, double bRe, double bIm) {
        if (aRe > 0.0 && bRe > 0.0 && safeFactor(aRe, aIm) && safeFactor(bRe, bIm)) {
            return Math.atan2(aIm * bRe - aRe * bIm, aRe * bRe + aIm * bIm);
        }
        return Math.atan2(aIm, aRe) - Math.atan2(bIm, bRe);
    }

    /** True when a product with another such factor can neither overflow nor lose its digits to underflow. */
    private static boolean safeFactor(double re, double im) {
        double size = Math.abs(re) + Math.abs(im);
        return size > 1e-140 && size < 1e140;
    }

    /** The principal square root, real part &ge; 0. */
    public Complex sqrt() {
        if (re == 0.0 && im == 0.0) {
            return ZERO;
        }
        double t = Math.sqrt(0.5 * (Math.abs(re) + abs()));
        if (re >= 0.0) {
            return new Complex(t, im / (2.0 * t));
        }
        return new Complex(Math.abs(im) / (2.0 * t), Math.copySign(t, im));
    }
}
