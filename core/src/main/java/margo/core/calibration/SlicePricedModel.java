package margo.core.calibration;

import java.io.Serializable;
import java.util.List;
import margo.core.pricing.Black76;
import margo.core.pricing.ImpliedVolatility;
import margo.core.pricing.OptionType;

/**
 * A {@link CalibrationModel} from a {@link SlicePricer}: the quotes are grouped into slices of equal forward and
 * time to expiry, each slice is priced in one call, and for the implied-volatility target the prices are inverted
 * with {@link ImpliedVolatility} (Jaeckel's "Let's be rational").
 *
 * <p>Derivatives for the implied-volatility target follow from the chain rule,
 * {@code d sigma / d theta = (d price / d theta) / vega(sigma)}, with the Black-76 vega at the model's implied
 * volatility.
 *
 * <p>A model price outside the no-arbitrage range of Black-76 (below intrinsic value, say, from a truncated Fourier
 * expansion deep in the wings) has no implied volatility. Rather than a NaN that would stop the solver, its value
 * is the first-order expansion around the market, {@code sigma_mkt + (price - price_mkt) / vega(sigma_mkt)}, which
 * is continuous with the inverted value where both exist to first order; its derivative uses the market vega.
 */
public final class SlicePricedModel implements CalibrationModel {

    private final SlicePricer pricer;

    /** A model priced slice by slice by {@code pricer}. */
    public SlicePricedModel(SlicePricer pricer) {
        if (pricer == null) {
            throw new IllegalArgumentException("pricer must not be null");
        }
        this.pricer = pricer;
    }

    @Override
    public List<String> parameterNames() {
        return pricer.parameterNames();
    }

    @Override
    public QuoteEvaluator evaluatorFor(CalibrationQuotes quotes, Target target) {
        return new SliceEvaluator(pricer, quotes, target);
    }

    private static final class SliceEvaluator implements QuoteEvaluator {
        private final SlicePricer pricer;
        private final Target target;
        private final int parameterCount;
        private final CalibrationQuotes quotes;
        /** Per slice: the quote indices, strikes and types, and price/gradient buffers. */
        private final int[][] sliceQuotes;
        private final double[][] sliceStrikes;
        private final OptionType[][] sliceTypes;
        private final double[][] slicePrices;
        private final double[][] sliceGradients;
        private final double[] sliceForward;
        private final double[] sliceTime;
        /** For the implied-volatility target: the market price and vega of each quote, for the fallback. */
        private final double[] marketPrice;
        private final double[] marketVega;
        /**
         * The parameters of the last {@link #values} and each quote's implied volatility there (NaN where the price
         * has none): the Jacobian's vegas are taken at those volatilities. Levenberg-Marquardt asks for the Jacobian
         * at the point whose values it has just accepted, so they are there already (their inversion was a tenth of
         * a calibration); elsewhere the Jacobian values the point first, so that the Jacobian at a point is the same
         * to the bit whatever was evaluated before (starts share an evaluator in whatever order they run).
         */
        private final double[] valuesAt;
        private final double[] valuesSigma;
        private final double[] valuesScratch;
        private boolean hasValues;

        SliceEvaluator(SlicePricer pricer, CalibrationQuotes quotes, Target target) {
            this.pricer = pricer;
            this.target = target;
            this.quotes = quotes;
            this.parameterCount = pricer.parameterNames().size();
            int n = quotes.size();
            int[] sliceOf = new int[n];
            double[] forwards = new double[n];
            double[] times = new double[n];
            int[] counts = new int[n];
            int slices = 0;
            for (int i = 0; i < n; i++) {
                int s = 0;
                while (s < slices && !(forwards[s] == quotes.forwards()[i] && times[s] == quotes.timesYears()[i])) {
                    s++;
                }
                if (s == slices) {
                    forwards[s] = quotes.forwards()[i];
                    times[s] = quotes.timesYears()[i];
                    slices++;
                }
                sliceOf[i] = s;
                counts[s]++;
            }
            sliceQuotes = new int[slices][];
            sliceStrikes = new double[slices][];
            sliceTypes = new OptionType[slices][];
            slicePrices = new double[slices][];
            sliceGradients = new double[slices][];
            sliceForward = new double[slices];
            sliceTime = new double[slices];
            for (int s = 0; s < slices; s++) {
                sliceQuotes[s] = new int[counts[s]];
                sliceStrikes[s] = new double[counts[s]];
                sliceTypes[s] = new OptionType[counts[s]];
                slicePrices[s] = new double[counts[s]];
                sliceGradients[s] = pricer.hasGradient() ? new double[counts[s] * parameterCount] : null;
                sliceForward[s] = forwards[s];
                sliceTime[s] = times[s];
            }
            int[] filled = new int[slices];
            for (int i = 0; i < n; i++) {
                int s = sliceOf[i];
                int j = filled[s]++;
                sliceQuotes[s][j] = i;
                sliceStrikes[s][j] = quotes.strikes()[i];
                sliceTypes[s][j] = quotes.types()[i];
            }
            marketPrice = new double[n];
            marketVega = new double[n];
            valuesAt = new double[parameterCount];
            valuesSigma = new double[n];
            valuesScratch = new double[n];
            if (target == Target.IMPLIED_VOLATILITY) {
                for (int i = 0; i < n; i++) {
                    OptionType type = quotes.types()[i];
                    double f = quotes.forwards()[i];
                    double k = quotes.strikes()[i];
                    double t = quotes.timesYears()[i];
                    marketPrice[i] = Black76.price(type, f, k, t, quotes.market()[i]);
                    marketVega[i] = Black76.vega(type, f, k, t, quotes.market()[i]);
                }
            }
        }

        @Override
        public void values(double[] parameters, double[] out) {
            hasValues = false;
            for (int s = 0; s < sliceQuotes.length; s++) {
                pricer.prices(parameters, sliceForward[s], sliceTime[s], sliceStrikes[s], sliceTypes[s],
                        slicePrices[s], null);
                int[] members = sliceQuotes[s];
                for (int j = 0; j < members.length; j++) {
                    int i = members[j];
                    out[i] = target == Target.PRICE ? slicePrices[s][j] : impliedVolatility(i, slicePrices[s][j]);
                }
            }
            System.arraycopy(parameters, 0, valuesAt, 0, parameterCount);
            hasValues = true;
        }

        @Override
        public boolean hasJacobian() {
            return pricer.hasGradient();
        }

        @Override
        public void jacobian(double[] parameters, double[] out) {
            if (!pricer.hasGradient()) {
                throw new UnsupportedOperationException("the pricer gives no gradient");
            }
            int p = parameterCount;
            if (target == Target.IMPLIED_VOLATILITY && !(hasValues && java.util.Arrays.equals(parameters, valuesAt))) {
                values(parameters, valuesScratch);
            }
            for (int s = 0; s < sliceQuotes.length; s++) {
                double[] gradient = sliceGradients[s];
                pricer.prices(parameters, sliceForward[s], sliceTime[s], sliceStrikes[s], sliceTypes[s],
                        slicePrices[s], gradient);
                int[] members = sliceQuotes[s];
                for (int j = 0; j < members.length; j++) {
                    int i = members[j];
                    double scale = 1.0;
                    if (target == Target.IMPLIED_VOLATILITY) {
                        // The vega at the values' volatility: the gradient's expansion prices the same to the
                        // series' tolerance (1e-15 F).
                        double sigma = valuesSigma[i];
                        double vega = Double.isNaN(sigma) ? Double.NaN : Black76.vega(quotes.types()[i],
                                quotes.forwards()[i], quotes.strikes()[i], quotes.timesYears()[i], sigma);
                        scale = 1.0 / (vega > 0.0 ? vega : marketVega[i]);
                    }
                    for (int k = 0; k < p; k++) {
                        out[i * p + k] = gradient[j * p + k] * scale;
                    }
                }
            }
        }

        private double impliedVolatility(int i, double price) {
            double sigma = ImpliedVolatility.impliedVolatility(quotes.types()[i], price, quotes.forwards()[i],
                    quotes.strikes()[i], quotes.timesYears()[i]);
            valuesSigma[i] = sigma;
            if (!Double.isNaN(sigma)) {
                return sigma;
            }
            return quotes.market()[i] + (price - marketPrice[i]) / marketVega[i];
        }
    }
}
