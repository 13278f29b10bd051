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
    /** {@code A_k / (u_k (1 + u_k^2))}, k-major: index {@code k * sets + j}; k = 0 unused. */
    private double[] sineWeights = new double[0];
    /** {@code A_k / (1 + u_k^2)}, k-major. */
    private double[] cosineWeights = new double[0];
    /** Per set: {@code A_0} and {@code sum_{k>=1} A_k / (1 + u_k^2)}. */
    private double[] constantTerms = new double[0];
    private double[] cosineSums = new double[0];
    private final double[] gradientRe = new double[CharacteristicFunctionModel.MAX_PARAMETERS];
    private final double[] gradientIm = new double[CharacteristicFunctionModel.MAX_PARAMETERS];
    private final double[] sums = new double[CharacteristicFunctionModel.MAX_PARAMETERS + 1];

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
            quiet = phi.abs() < settings.characteristicFunctionTolerance() && k >= MIN_TERMS ? quiet + 1 : 0;
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
            double largest = phi.abs();
            for (int j = 0; j < parameters; j++) {
                store(k, j + 1, u, cosUa, sinUa, gradientRe[j], gradientIm[j]);
                largest = Math.max(largest, Math.hypot(gradientRe[j], gradientIm[j]));
            }
            quiet = largest < settings.characteristicFunctionTolerance() && k >= MIN_TERMS ? quiet + 1 : 0;
        }
        finish(k);
    }

    private void begin(CharacteristicFunctionModel model, double timeYears, int setCount, CosPricer settings) {
        Cumulants cumulants = model.cumulants(timeYears);
        double halfWidth = model.truncationHalfWidth(timeYears, cumulants, settings.truncationMultiple());
        lower = cumulants.c1() - halfWidth;
        upper = cumulants.c1() + halfWidth;
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
        int index = k * sets + set;
        if (index >= sineWeights.length) {
            // Grow by doubling: N is adaptive, and most expiries need a few hundred terms, not maxTerms.
            int capacity = Math.max(2 * sineWeights.length, 256 * sets);
            sineWeights = java.util.Arrays.copyOf(sineWeights, capacity);
            cosineWeights = java.util.Arrays.copyOf(cosineWeights, capacity);
        }
        cosineWeights[index] = coefficient * damping;
        sineWeights[index] = coefficient * damping / u;
        cosineSums[set] += coefficient * damping;
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
        double y = Math.log(strike / forward);
        if (y <= lower || y >= upper) {
            double value = y <= lower ? 0.0 : strike - forward;
            out[0] = value;
            java.util.Arrays.fill(out, 1, sets, 0.0);
            return;
        }
        double angle = Math.PI * (y - lower) / (upper - lower);
        double cosStep = Math.cos(angle);
        double sinStep = Math.sin(angle);
        java.util.Arrays.fill(sums, 0, sets, 0.0);
        double cos = 1.0;
        double sin = 0.0;
        for (int k = 1; k < terms; k++) {
            if (k % REANCHOR_INTERVAL == 0) {
                cos = Math.cos(k * angle);
                sin = Math.sin(k * angle);
            } else {
                double c = cos * cosStep - sin * sinStep;
                sin = sin * cosStep + cos * sinStep;
                cos = c;
            }
            int base = k * sets;
            for (int j = 0; j < sets; j++) {
                sums[j] += sineWeights[base + j] * sin - cosineWeights[base + j] * cos;
            }
        }
        double ey = strike / forward;
        double ea = Math.exp(lower);
        // k = 0 term (halved): psi_0 = y - a, chi_0 = e^y - e^a.
        double zeroTerm = 0.5 * (ey * (y - lower - 1.0) + ea);
        double scale = 2.0 * forward / (upper - lower);
        for (int j = 0; j < sets; j++) {
            out[j] = scale * (constantTerms[j] * zeroTerm + ea * cosineSums[j] + ey * sums[j]);
        }
    }
}
