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
        return new Complex(Math.log(abs()), argument(re, im));
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
        return argument(1.0 + re, im);
    }

    /** {@code atan(k / 8)} for k = 0 to 8 rounded to double, and the rest (mpmath at 200 bits). */
    private static final double[] ATAN_EIGHTHS_HI = {0.0, 0.12435499454676144, 0.24497866312686414,
            0.35877067027057225, 0.4636476090008061, 0.5585993153435624, 0.6435011087932844, 0.7188299996216245,
            0.7853981633974483};
    private static final double[] ATAN_EIGHTHS_LO = {0.0, -3.1253241424539383e-18, 1.0698755618734451e-17,
            -2.4623815582638635e-17, 2.2698777452961687e-17, -5.4556305485916264e-18, 1.5834785051444286e-17,
            -2.1478388444456983e-17, 3.061616997868383e-17};
    private static final double HALF_PI_HI = 1.5707963267948966;
    private static final double HALF_PI_LO = 6.123233995736766e-17;

    /**
     * By octant pair o (0: |im| <= re; 1: |im| > |re|, re >= 0; 2: |im| <= -re; 3: |im| > |re|, re < 0) and k,
     * the argument's offset {@code 0, pi/2, pi, pi/2} plus (o = 0, 3) or minus (o = 1, 2) {@code atan(k / 8)}, as
     * a sum of two doubles (Knuth's two-sum of the parts).
     */
    private static final double[] OCTANT_HI = new double[36];
    private static final double[] OCTANT_LO = new double[36];

    static {
        double[] offsetHi = {0.0, HALF_PI_HI, 2.0 * HALF_PI_HI, HALF_PI_HI};
        double[] offsetLo = {0.0, HALF_PI_LO, 2.0 * HALF_PI_LO, HALF_PI_LO};
        for (int o = 0; o < 4; o++) {
            double sign = o == 0 || o == 3 ? 1.0 : -1.0;
            for (int k = 0; k <= 8; k++) {
                double a = offsetHi[o];
                double b = sign * ATAN_EIGHTHS_HI[k];
                double sum = a + b;
                double bPart = sum - a;
                double error = (a - (sum - bPart)) + (b - bPart);
                OCTANT_HI[9 * o + k] = sum;
                OCTANT_LO[9 * o + k] = error + (offsetLo[o] + sign * ATAN_EIGHTHS_LO[k]);
            }
        }
    }

    /**
     * The principal argument of {@code re + i im}, {@code atan2(im, re)} in [-pi, pi], within 2 ulps of
     * {@link StrictMath#atan2} ({@code ComplexTest}), which Math.atan2 runs as fdlibm's port in Java with no
     * compiler intrinsic: the smaller of |re|, |im| over the larger is t in (0, 1]; {@code atan t = atan c +
     * atan r}, {@code r = (t - c) / (1 + t c)}, with c the nearest eighth, so |r| <= 1/16 and the Taylor series
     * of atan r to r^15 is exact to rounding; the octant adds its multiple of pi/2 from a table. Zeros,
     * infinities, NaN and ratios below 1e-300 go to Math.atan2.
     */
    static double argument(double re, double im) {
        double absRe = Math.abs(re);
        double absIm = Math.abs(im);
        boolean steep = absIm > absRe;
        double t = steep ? absRe / absIm : absIm / absRe;
        if (!(t > 1e-300)) {
            return Math.atan2(im, re);
        }
        int k = (int) (t * 8.0 + 0.5);
        double c = k * 0.125;
        double r = (t - c) / (1.0 + t * c);
        double z = r * r;
        double series = r + r * z * (-1.0 / 3.0 + z * (1.0 / 5.0 + z * (-1.0 / 7.0 + z * (1.0 / 9.0
                + z * (-1.0 / 11.0 + z * (1.0 / 13.0 + z * (-1.0 / 15.0)))))));
        int octant = (re < 0.0 ? 2 : 0) + (steep ? 1 : 0);
        int at = 9 * octant + k;
        double signed = octant == 0 || octant == 3 ? series : -series;
        return Math.copySign(OCTANT_HI[at] + (OCTANT_LO[at] + signed), im);
    }

    /**
     * {@code arg a - arg b}, principal arguments, of {@code a = aRe + i aIm} and {@code b = bRe + i bIm}: where both
     * real parts are positive each argument is within (-pi/2, pi/2), so their difference is within (-pi, pi), where
     * it is the principal argument of {@code a conj(b)}, one {@link #argument} where the difference takes two.
     * Elsewhere, or where the product could overflow or underflow, the difference of the two.
     */
    static double argumentDifference(double aRe, double aIm, double bRe, double bIm) {
        if (aRe > 0.0 && bRe > 0.0 && safeFactor(aRe, aIm) && safeFactor(bRe, bIm)) {
            return argument(aRe * bRe + aIm * bIm, aIm * bRe - aRe * bIm);
        }
        return argument(aRe, aIm) - argument(bRe, bIm);
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
