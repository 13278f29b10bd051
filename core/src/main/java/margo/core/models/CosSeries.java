package margo.core.models;

/**
 * The Fourier-cosine expansion of one expiry (F. Fang and C. W. Oosterlee, "A novel pricing method for European
 * options based on Fourier-cosine series expansions", SIAM J. Sci. Comput. 31(2), 2008), set up once from the
 * characteristic function and then evaluated for any number of strikes and forwards at O(N) each.
 *
 * <p>Working in {@code X = ln(F_T / F_0)} rather than in Fang and Oosterlee's {@code ln(S_T / K)} makes the
 * truncation range {@code [a, b]} and the series coefficients independent of the strike and the forward. With
 * {@code u_k = k pi / (b - a)} and {@code A_k = Re(phi(u_k) e^{-i u_k a})}, their eq. (9)-(11) for the put, whose
 * payoff {@code F (e^y - e^X)^+} has log-strike {@code y = ln(K / F)}, become
 * {@code put / F = 2 / (b - a) sum'_k A_k (e^y psi_k(a, y) - chi_k(a, y))} (their eq. (22)-(23) for chi and psi).
 * Expanding chi and psi, the strike-independent parts sum once per expiry and a strike costs
 * {@code sum_{k>=1} A_k (sin(k t) / (u_k (1 + u_k^2)) - cos(k t) / (1 + u_k^2))}, {@code t = pi (y - a) / (b - a)}:
 * terms that decay like {@code phi(u_k) / u_k^2}, with cos and sin advanced by rotation.
 *
 * <p>Several coefficient sets share the rotation: set 0 is phi, sets 1.. are derivatives of phi with respect to
 * model parameters, whose series are the derivatives of the price (the COS sum is linear in phi; the truncation
 * range is held fixed).
 *
 * <p>Mutable scratch space, one per thread (see {@link CosPricer}); arrays grow and are reused.
 */
final class CosSeries {

    /** How many strikes {@link #puts} sums at once. */
    static final int BLOCK = 4;
    /** Rotation recurrences are re-anchored on exact cos and sin this often, bounding rounding growth. */
    private static final int REANCHOR_INTERVAL = 64;
    /** The expansion always keeps at least this many terms, whatever the decay of phi. */
    private static final int MIN_TERMS = 16;
    /** Terms stop once this many consecutive |phi(u_k)| (and derivatives) are below the tolerance. */
    private static final int QUIET_TERMS = 4;

    private double lower;
    private double upper;
    private int terms;
    private int sets;
    /** Terms each set has room for in the weight arrays. */
    private int termCapacity;
    /** {@code A_k / (u_k (1 + u_k^2))}, set-major: index {@code j * termCapacity + k}; k = 0 unused. */
    private double[] sineWeights = new double[0];
    /** {@code A_k / (1 + u_k^2)}, set-major. */
    private double[] cosineWeights = new double[0];
    /** Per set: {@code A_0} and {@code sum_{k>=1} A_k / (1 + u_k^2)}. */
    private double[] constantTerms = new double[0];
    private double[] cosineSums = new double[0];
    /**
     * Scratch of {@link #puts}: {@code cos(k t)} and {@code sin(k t)} for each strike's angle t, strike b's from
     * {@code b * (termCapacity + 1)}.
     */
    private double[] rotationCos = new double[0];
    private double[] rotationSin = new double[0];
    private final double[] blockStrikes = new double[BLOCK];
    private final double[] blockLogStrike = new double[BLOCK];
    private final int[] blockIndex = new int[BLOCK];
    private final double[] blockSums = new double[BLOCK * (CharacteristicFunctionModel.MAX_PARAMETERS + 1)];
    private final double[] gradientRe = new double[CharacteristicFunctionModel.MAX_PARAMETERS];
    private final double[] gradientIm = new double[CharacteristicFunctionModel.MAX_PARAMETERS];

    /** The lower end a of the truncation range of X. */
    double lower() {
        return lower;
    }

    /** The upper end b of the truncation range of X. */
    double upper() {
        return upper;
    }

    /** The number N of cosine terms kept. */
    int terms() {
        return terms;
    }

    /** Expands the put of {@code model} at {@code timeYears}. */
    void expand(CharacteristicFunctionModel model, double timeYears, CosPricer settings) {
        begin(model, timeYears, 1, settings);
        double step = Math.PI / (upper - lower);
        int quiet = 0;
        int k = 0;
        for (; k < settings.maxTerms() && quiet < QUIET_TERMS; k++) {
            double u = k * step;
            Complex phi = model.characteristicFunction(u, timeYears);
            double cosUa = Math.cos(u * lower);
            double sinUa = Math.sin(u * lower);
            store(k, 0, u, cosUa, sinUa, phi.re(), phi.im());
            double tolerance = settings.characteristicFunctionTolerance();
            quiet = squaredModulus(phi.re(), phi.im()) < tolerance * tolerance && k >= MIN_TERMS ? quiet + 1 : 0;
        }
        finish(k);
    }

    /**
     * Expands the put of {@code model} and its derivatives by each parameter, in the order of
     * {@link CharacteristicFunctionModel#parameterNames()}, at {@code timeYears}.
     */
    void expandWithGradient(CharacteristicFunctionModel model, double timeYears, CosPricer settings) {
        int parameters = model.parameterNames().length;
        begin(model, timeYears, parameters + 1, settings);
        double step = Math.PI / (upper - lower);
        int quiet = 0;
        int k = 0;
        for (; k < settings.maxTerms() && quiet < QUIET_TERMS; k++) {
            double u = k * step;
            Complex phi = model.characteristicFunctionAndGradient(u, timeYears, gradientRe, gradientIm);
            double cosUa = Math.cos(u * lower);
            double sinUa = Math.sin(u * lower);
            store(k, 0, u, cosUa, sinUa, phi.re(), phi.im());
            double largest = squaredModulus(phi.re(), phi.im());
            for (int j = 0; j < parameters; j++) {
                store(k, j + 1, u, cosUa, sinUa, gradientRe[j], gradientIm[j]);
                largest = Math.max(largest, squaredModulus(gradientRe[j], gradientIm[j]));
            }
            double tolerance = settings.characteristicFunctionTolerance();
            quiet = largest < tolerance * tolerance && k >= MIN_TERMS ? quiet + 1 : 0;
        }
        finish(k);
    }

    /**
     * {@code |z|^2}, compared with the squared tolerance instead of {@code |z|} with the tolerance: the stopping rule
     * then costs no square root (Math.hypot was a tenth of a Bates fit). Moduli near the tolerance (1e-15) square to
     * 1e-30, far from underflow; a modulus large enough to overflow its square is far above it either way.
     */
    private static double squaredModulus(double re, double im) {
        return re * re + im * im;
    }

    private void begin(CharacteristicFunctionModel model, double timeYears, int setCount, CosPricer settings) {
        Cumulants cumulants = model.cumulants(timeYears);
        double halfWidth = model.truncationHalfWidth(timeYears, cumulants, settings.truncationMultiple());
        lower = cumulants.c1() - halfWidth;
        upper = cumulants.c1() + halfWidth;
        if (termCapacity * setCount > sineWeights.length) {
            // A new set count: the arrays are laid out again (nothing of an earlier expansion is kept).
            sineWeights = new double[termCapacity * setCount];
            cosineWeights = new double[termCapacity * setCount];
        }
        sets = setCount;
        if (constantTerms.length < setCount) {
            constantTerms = new double[setCount];
            cosineSums = new double[setCount];
        }
        java.util.Arrays.fill(cosineSums, 0, setCount, 0.0);
    }

    /**
     * Stores {@code A_k = Re(z e^{-i u a})} of set j as the weights of the per-strike sum, given
     * {@code cos(u a)} and {@code sin(u a)}.
     */
    private void store(int k, int set, double u, double cosUa, double sinUa, double zRe, double zIm) {
        double coefficient = zRe * cosUa + zIm * sinUa;
        if (k == 0) {
            constantTerms[set] = coefficient;
            return;
        }
        double damping = 1.0 / (1.0 + u * u);
        if (k >= termCapacity) {
            // Grow by doubling: N is adaptive, and most expiries need a few hundred terms, not maxTerms.
            growTo(Math.max(2 * termCapacity, 256));
        }
        int index = set * termCapacity + k;
        cosineWeights[index] = coefficient * damping;
        sineWeights[index] = coefficient * damping / u;
        cosineSums[set] += coefficient * damping;
    }

    /** Room for {@code capacity} terms a set, keeping the terms of the sets stored so far. */
    private void growTo(int capacity) {
        double[] sine = new double[capacity * sets];
        double[] cosine = new double[capacity * sets];
        for (int j = 0; j < sets; j++) {
            System.arraycopy(sineWeights, j * termCapacity, sine, j * capacity, termCapacity);
            System.arraycopy(cosineWeights, j * termCapacity, cosine, j * capacity, termCapacity);
        }
        sineWeights = sine;
        cosineWeights = cosine;
        termCapacity = capacity;
        if (rotationCos.length < BLOCK * (capacity + 1)) {
            // One more than the terms a strike: the rotation fills terms in pairs.
            rotationCos = new double[BLOCK * (capacity + 1)];
            rotationSin = new double[BLOCK * (capacity + 1)];
        }
    }

    private void finish(int termCount) {
        terms = termCount;
    }

    /**
     * The undiscounted put on {@code forward} at {@code strike}, in USD (the forward's currency), for every set:
     * {@code out[0]} the price, {@code out[j]} its derivative for set j. Outside the truncation range the put is 0
     * (strike below it) or {@code K - F} (above), with zero derivatives.
     */
    void put(double forward, double strike, double[] out) {
        blockStrikes[0] = strike;
        puts(forward, blockStrikes, 1, out);
    }

    /**
     * As {@link #put} for the first {@code count} (1 to {@link #BLOCK}) of {@code strikes}, all of one forward, at
     * once: strike b's put and derivatives into {@code out[b * sets + j]}, {@code out} at least {@code count}
     * rows of {@link CharacteristicFunctionModel#MAX_PARAMETERS} + 1. Each strike's sums are those of
     * {@link #put}, term by term in the same order, so the prices are the same to the bit; taken four strikes at
     * a time they are four independent chains of additions where one strike's sum waits at every term on the
     * last (a Heston Jacobian spent two thirds of its time so). A block short of four repeats its last strike.
     */
    void puts(double forward, double[] strikes, int count, double[] out) {
        int inRange = 0;
        for (int b = 0; b < count; b++) {
            double y = Math.log(strikes[b] / forward);
            if (y <= lower || y >= upper) {
                int row = b * stride();
                out[row] = y <= lower ? 0.0 : strikes[b] - forward;
                java.util.Arrays.fill(out, row + 1, row + sets, 0.0);
            } else {
                blockIndex[inRange] = b;
                blockLogStrike[inRange++] = y;
            }
        }
        if (inRange == 0) {
            return;
        }
        for (int b = inRange; b < BLOCK; b++) {
            blockLogStrike[b] = blockLogStrike[inRange - 1];
        }
        int rotationLength = termCapacity + 1;
        for (int b = 0; b < BLOCK; b += 2) {
            rotate(angle(blockLogStrike[b]), b * rotationLength, angle(blockLogStrike[b + 1]),
                    (b + 1) * rotationLength);
        }
        int r1 = rotationLength;
        int r2 = 2 * rotationLength;
        int r3 = 3 * rotationLength;
        for (int j = 0; j < sets; j++) {
            int base = j * termCapacity;
            double sum0 = 0.0;
            double sum1 = 0.0;
            double sum2 = 0.0;
            double sum3 = 0.0;
            for (int k = 1; k < terms; k++) {
                double sine = sineWeights[base + k];
                double cosine = cosineWeights[base + k];
                sum0 += sine * rotationSin[k] - cosine * rotationCos[k];
                sum1 += sine * rotationSin[r1 + k] - cosine * rotationCos[r1 + k];
                sum2 += sine * rotationSin[r2 + k] - cosine * rotationCos[r2 + k];
                sum3 += sine * rotationSin[r3 + k] - cosine * rotationCos[r3 + k];
            }
            blockSums[j] = sum0;
            blockSums[stride() + j] = sum1;
            blockSums[2 * stride() + j] = sum2;
            blockSums[3 * stride() + j] = sum3;
        }
        double ea = Math.exp(lower);
        double scale = 2.0 * forward / (upper - lower);
        for (int m = 0; m < inRange; m++) {
            int b = blockIndex[m];
            double y = blockLogStrike[m];
            double ey = strikes[b] / forward;
            // k = 0 term (halved): psi_0 = y - a, chi_0 = e^y - e^a.
            double zeroTerm = 0.5 * (ey * (y - lower - 1.0) + ea);
            for (int j = 0; j < sets; j++) {
                out[b * stride() + j] = scale * (constantTerms[j] * zeroTerm + ea * cosineSums[j]
                        + ey * blockSums[m * stride() + j]);
            }
        }
    }

    /** The strike's angle t = pi (y - a) / (b - a) of the rotation, y its log-strike. */
    private double angle(double logStrike) {
        return Math.PI * (logStrike - lower) / (upper - lower);
    }

    /** The row width of {@link #puts}' output: every set a model can have. */
    private static int stride() {
        return CharacteristicFunctionModel.MAX_PARAMETERS + 1;
    }

    /**
     * {@code cos(k t)} and {@code sin(k t)} for k = 1 .. terms and the angles t of two strikes into the rotation
     * scratch from {@code first} and {@code second}. Each angle's odd and even terms rotate by 2t as two chains, so
     * that each multiply waits on the one two terms back, not on the last, and the two strikes' four chains run
     * side by side (one strike's two chains alone left the core waiting on the multiplies).
     */
    private void rotate(double angle, int first, double otherAngle, int second) {
        double cosStep = Math.cos(angle);
        double sinStep = Math.sin(angle);
        double cos2Step = cosStep * cosStep - sinStep * sinStep;
        double sin2Step = 2.0 * sinStep * cosStep;
        double cosOdd = cosStep;
        double sinOdd = sinStep;
        double cosEven = cos2Step;
        double sinEven = sin2Step;
        double otherCosStep = Math.cos(otherAngle);
        double otherSinStep = Math.sin(otherAngle);
        double otherCos2Step = otherCosStep * otherCosStep - otherSinStep * otherSinStep;
        double otherSin2Step = 2.0 * otherSinStep * otherCosStep;
        double otherCosOdd = otherCosStep;
        double otherSinOdd = otherSinStep;
        double otherCosEven = otherCos2Step;
        double otherSinEven = otherSin2Step;
        for (int k = 1; k < terms; k += 2) {
            if (k > 1) {
                if ((k - 1) % REANCHOR_INTERVAL == 0) {
                    cosOdd = Math.cos(k * angle);
                    sinOdd = Math.sin(k * angle);
                    cosEven = Math.cos((k + 1) * angle);
                    sinEven = Math.sin((k + 1) * angle);
                    otherCosOdd = Math.cos(k * otherAngle);
                    otherSinOdd = Math.sin(k * otherAngle);
                    otherCosEven = Math.cos((k + 1) * otherAngle);
                    otherSinEven = Math.sin((k + 1) * otherAngle);
                } else {
                    double c = cosOdd * cos2Step - sinOdd * sin2Step;
                    sinOdd = sinOdd * cos2Step + cosOdd * sin2Step;
                    cosOdd = c;
                    double e = cosEven * cos2Step - sinEven * sin2Step;
                    sinEven = sinEven * cos2Step + cosEven * sin2Step;
                    cosEven = e;
                    double otherC = otherCosOdd * otherCos2Step - otherSinOdd * otherSin2Step;
                    otherSinOdd = otherSinOdd * otherCos2Step + otherCosOdd * otherSin2Step;
                    otherCosOdd = otherC;
                    double otherE = otherCosEven * otherCos2Step - otherSinEven * otherSin2Step;
                    otherSinEven = otherSinEven * otherCos2Step + otherCosEven * otherSin2Step;
                    otherCosEven = otherE;
                }
            }
            rotationCos[first + k] = cosOdd;
            rotationSin[first + k] = sinOdd;
            rotationCos[first + k + 1] = cosEven;
            rotationSin[first + k + 1] = sinEven;
            rotationCos[second + k] = otherCosOdd;
            rotationSin[second + k] = otherSinOdd;
            rotationCos[second + k + 1] = otherCosEven;
            rotationSin[second + k + 1] = otherSinEven;
        }
    }
}
