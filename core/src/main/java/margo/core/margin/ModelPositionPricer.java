package margo.core.margin;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import margo.core.market.InstrumentName;
import margo.core.models.CharacteristicFunctionModel;
import margo.core.models.CosPricer;
import margo.core.pricing.ImpliedVolatility;
import margo.core.pricing.OptionType;
import margo.core.smiles.SurfaceFit;

/**
 * Prices options with a model of the smile instead of the market's mark IVs: a calibrated characteristic-function
 * model ({@link #calibrated}, priced by COS) or a fitted smile surface ({@link #surface}). The book's market (the
 * index, each instrument's forward and time to expiry) still comes from {@code market}, and futures and perpetuals
 * are valued by {@code market} as they are there.
 *
 * <p>Scenarios, as {@link PositionPricer} fixes them: after a relative price move {@code x} and a volatility shift
 * {@code s}, an option is worth Black-76 at the moved forward {@code F' = F (1 + x)} and the volatility
 * {@code max(0, sigma(F', K, T) + s)}, where {@code sigma(F', K, T)} is the model's implied volatility of the
 * option on the moved forward: the model's price at {@code F'} inverted by {@link ImpliedVolatility} (a calibrated
 * model), or the surface's volatility at the moved log-moneyness {@code ln(K / F')} (a surface). So with no shift an
 * option is worth the model's own price at every move, its smile moving with the forward (sticky moneyness, where
 * the Black-76 pricer keeps each strike's mark IV), and a shift moves the model's whole implied surface in parallel.
 *
 * <p>Forwards: both kinds of model are in moneyness terms (a characteristic-function model prices
 * {@code ln(F_T / F_0)}; a surface is read at {@code ln(K/F)}), so they apply at any forward, and the forward is the
 * book's market forward of the instrument, not the forward of the chain the model was fitted to. Times to expiry are
 * the market's too. Both therefore assume the model was fitted to the same coin at the same valuation time as the
 * market; the caller checks it (Margo's recipes reject a fit or surface of another coin or valuation time).
 *
 * <p>Where the model's implied volatility is not identifiable, a calibrated model's out-of-the-money price being
 * below {@value #RESOLVED_PRICE} of the forward (the COS method's absolute accuracy, see {@link CosPricer}) or a
 * surface's total variance negative: at the current market the option is not priceable here
 * ({@link #whyNotPriceable} says why); in a moved market, which takes the option that far from the money, it is
 * worth its intrinsic value whatever the shift (its time value is below what the model resolves), at a mark
 * volatility of zero.
 *
 * <p>{@link #shifted} moves the market and shifts the model's volatilities, which are then read at the moved
 * forwards: a stressed book's mark volatilities (which size Deribit's vega-scaled vol shocks) are the model's smile
 * at the new forward plus the shift, not the old marks plus the shift.
 *
 * <p>Each option's model volatility is kept per price move, since a risk matrix revalues the same moves under
 * several volatility shocks; a calibrated model keeps each expiry's COS expansion, so a revaluation costs one
 * O(N) series sum and one inversion. Thread-safe.
 */
public final class ModelPositionPricer implements PositionPricer {

    /** Below this fraction of the forward a calibrated model's out-of-the-money price is not resolved. */
    public static final double RESOLVED_PRICE = 1e-12;

    /** An option's implied volatility in a model of the smile, at any forward. */
    @FunctionalInterface
    public interface Volatilities {
        /**
         * The model's Black-76 implied volatility, annualised decimal, of the option {@code (type, strike)} on
         * {@code forward} (USD) with {@code timeYears} (&gt; 0) to expiry; NaN when the model does not determine it.
         */
        double impliedVolatility(OptionType type, double forward, double strike, double timeYears);
    }

    private final PositionPricer market;
    private final Volatilities volatilities;
    private final String source;
    private final String undetermined;
    /** The parallel shift of this pricer's market ({@link #shifted}), added to every model volatility. */
    private final double shift;
    private final Map<InstrumentName.Option, OptionValuer> options = new ConcurrentHashMap<>();

    /**
     * @param market       the book's market: index, forwards, times, and the values of delta-one instruments
     * @param volatilities the model's implied volatilities
     * @param source       the model in words, for messages, e.g. {@code the heston fit hf}
     * @param undetermined why the model may not determine a volatility, in words, for messages
     */
    public ModelPositionPricer(PositionPricer market, Volatilities volatilities, String source, String undetermined) {
        if (market == null || volatilities == null || source == null || undetermined == null) {
            throw new IllegalArgumentException("market, volatilities, source and undetermined must not be null");
        }
        this.market = market;
        this.volatilities = volatilities;
        this.source = source;
        this.undetermined = undetermined;
        this.shift = 0.0;
    }

    private ModelPositionPricer(ModelPositionPricer base, double priceMove, double volatilityShift) {
        this.market = base.market.shifted(priceMove, 0.0);
        this.volatilities = base.volatilities;
        this.source = base.source;
        this.undetermined = base.undetermined;
        this.shift = base.shift + volatilityShift;
    }

    /** Options priced by {@code model} through {@code cos}, each expiry expanded once. */
    public static ModelPositionPricer calibrated(PositionPricer market, CharacteristicFunctionModel model,
            CosPricer cos, String source) {
        if (model == null || cos == null) {
            throw new IllegalArgumentException("model and cos must not be null");
        }
        return new ModelPositionPricer(market, new CosVolatilities(model, cos), source, "its out-of-the-money price is"
                + " below " + RESOLVED_PRICE + " of the forward, within the COS method's accuracy");
    }

    /** Options priced at the surface's implied volatility, read at their time to expiry and log-moneyness. */
    public static ModelPositionPricer surface(PositionPricer market, SurfaceFit surface, String source) {
        if (surface == null) {
            throw new IllegalArgumentException("surface must not be null");
        }
        return new ModelPositionPricer(market,
                (type, forward, strike, timeYears) -> surface.impliedVolatility(timeYears, Math.log(strike / forward)),
                source, "the surface's total variance is negative there");
    }

    @Override
    public String coin() {
        return market.coin();
    }

    @Override
    public double indexPrice() {
        return market.indexPrice();
    }

    @Override
    public double forward(InstrumentName instrument) {
        return market.forward(instrument);
    }

    /**
     * The model's implied volatility of the option at this pricer's market (plus its shift, floored at zero); zero
     * where the model does not determine it (at the unmoved market {@link #whyNotPriceable} says so).
     */
    @Override
    public double markVolatility(InstrumentName.Option option) {
        return optionValuer(option).markVolatility();
    }

    @Override
    public double timeToExpiry(InstrumentName instrument) {
        return market.timeToExpiry(instrument);
    }

    @Override
    public String whyNotPriceable(InstrumentName instrument) {
        String reason = market.whyNotPriceable(instrument);
        if (reason != null || !(instrument instanceof InstrumentName.Option option)) {
            return reason;
        }
        OptionValuer valuer = optionValuer(option);
        if (Double.isNaN(valuer.modelVolatility(0.0))) {
            return source + " gives no implied volatility for " + option.text() + " at the forward "
                    + Math.round(valuer.forward) + ": " + undetermined;
        }
        return null;
    }

    @Override
    public double unitValue(InstrumentName instrument, double priceMove, double volatilityShift) {
        return valuer(instrument).value(priceMove, volatilityShift);
    }

    /** Options: the central difference of {@link PositionPricer}, which follows the model's smile as F moves. */
    @Override
    public double moveDelta(InstrumentName instrument, double priceMove, double volatilityShift) {
        if (instrument instanceof InstrumentName.Option) {
            return PositionPricer.super.moveDelta(instrument, priceMove, volatilityShift);
        }
        return market.moveDelta(instrument, priceMove, volatilityShift);
    }

    /**
     * This pricer in a moved market: the market's forwards and index moved, and the shift added to the model's
     * volatilities, which are read at the moved forwards; so its mark volatilities follow the model's smile (where
     * the default {@link PositionPricer.ShiftedPricer} would add the shift to the unmoved ones). The COS expansions
     * are shared.
     */
    @Override
    public PositionPricer shifted(double priceMove, double volatilityShift) {
        if (Double.isNaN(volatilityShift)) {
            throw new IllegalArgumentException("volatilityShift must be a number, not " + volatilityShift);
        }
        return new ModelPositionPricer(this, priceMove, volatilityShift);
    }

    @Override
    public InstrumentValuer valuer(InstrumentName instrument) {
        if (instrument instanceof InstrumentName.Option option) {
            return optionValuer(option);
        }
        return market.valuer(instrument);
    }

    private OptionValuer optionValuer(InstrumentName.Option option) {
        return options.computeIfAbsent(option, OptionValuer::new);
    }

    /** One option: its market data and the model volatility at each price move asked so far. */
    private final class OptionValuer implements InstrumentValuer {
        private final InstrumentName.Option option;
        private final double forward;
        private final double timeToExpiry;
        private final boolean inverse;
        private final Map<Double, Double> volatilityByMove = new HashMap<>();
        private final double markVolatility;

        OptionValuer(InstrumentName.Option option) {
            this.option = option;
            this.inverse = Settlement.of(option) == Settlement.INVERSE;
            boolean priced = market.whyNotPriceable(option) == null;
            this.forward = priced ? market.forward(option) : Double.NaN;
            this.timeToExpiry = priced ? market.timeToExpiry(option) : Double.NaN;
            this.markVolatility = priced ? volatility(0.0, 0.0) : Double.NaN;
        }

        @Override
        public boolean isOption() {
            return true;
        }

        @Override
        public double markVolatility() {
            return markVolatility;
        }

        @Override
        public double timeToExpiry() {
            return timeToExpiry;
        }

        @Override
        public double value(double priceMove, double volatilityShift) {
            return Black76PositionPricer.optionValue(option.type(), forward * (1 + priceMove), option.strike(),
                    timeToExpiry, volatility(priceMove, volatilityShift), inverse);
        }

        /** The model's volatility at the moved forward plus the shifts, floored at 0; 0 where it is undetermined. */
        private double volatility(double priceMove, double volatilityShift) {
            double model = modelVolatility(priceMove);
            return Double.isNaN(model) ? 0.0 : Math.max(0.0, model + shift + volatilityShift);
        }

        @Override
        public double moveDelta(double priceMove, double volatilityShift) {
            return ModelPositionPricer.this.moveDelta(option, priceMove, volatilityShift);
        }

        private double modelVolatility(double priceMove) {
            synchronized (volatilityByMove) {
                Double known = volatilityByMove.get(priceMove);
                if (known != null) {
                    return known;
                }
                double volatility = volatilities.impliedVolatility(option.type(), forward * (1 + priceMove),
                        option.strike(), timeToExpiry);
                volatilityByMove.put(priceMove, volatility);
                return volatility;
            }
        }
    }

    /**
     * A characteristic-function model's implied volatilities: the COS price of the out-of-the-money option of the
     * strike (put below the forward, call above; the same volatility by put-call parity, and the one identifiable
     * from its price deep in the money too), inverted.
     */
    private record CosVolatilities(CharacteristicFunctionModel model, CosPricer cos,
                                   Map<Double, CosPricer.Expiry> expiries) implements Volatilities {

        CosVolatilities(CharacteristicFunctionModel model, CosPricer cos) {
            this(model, cos, new ConcurrentHashMap<>());
        }

        @Override
        public double impliedVolatility(OptionType type, double forward, double strike, double timeYears) {
            CosPricer.Expiry expiry = expiries.computeIfAbsent(timeYears, t -> cos.expiry(model, t));
            OptionType outOfTheMoney = strike < forward ? OptionType.PUT : OptionType.CALL;
            double price;
            synchronized (expiry) {
                price = expiry.price(outOfTheMoney, forward, strike);
            }
            if (!(price >= RESOLVED_PRICE * forward)) {
                return Double.NaN;
            }
            return ImpliedVolatility.impliedVolatility(outOfTheMoney, price, forward, strike, timeYears);
        }
    }
}
