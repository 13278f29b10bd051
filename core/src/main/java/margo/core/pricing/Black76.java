package margo.core.pricing;

import static margo.core.pricing.NormalDistribution.cdf;
import static margo.core.pricing.NormalDistribution.pdf;

/**
 * Black's (1976) model for a European option on a forward, undiscounted: the value is measured at expiry in the
 * forward measure, which is how crypto venues such as Deribit price options (zero rates; the forward {@code F} is
 * the futures price for the option's expiry). Multiply by a discount factor yourself if you need a present value.
 *
 * <p>Every method takes the same primitive arguments:
 * <ul>
 *   <li>{@code type} call or put;</li>
 *   <li>{@code forward} the forward (futures) price F of the underlying for the expiry, in quote currency (USD for
 *       BTC options), &gt; 0;</li>
 *   <li>{@code strike} the strike K in the same currency, &gt; 0;</li>
 *   <li>{@code timeYears} time to expiry T in years (ACT/365 in Margo), &ge; 0;</li>
 *   <li>{@code volatility} the annualised Black volatility sigma as a decimal (0.65 for 65%), &ge; 0.</li>
 * </ul>
 * The methods never throw: a NaN or infinite argument, a non-positive forward or strike, or a negative time or
 * volatility gives NaN. At {@code T = 0} or {@code sigma = 0} the price is the intrinsic value; the greeks are
 * their limits where finite (delta 1, 0 or 1/2 at the money; gamma, vega and theta 0 away from the strike) and NaN
 * where the limit is infinite (gamma at the strike, theta at the strike at expiry).
 *
 * <p>Prices are computed from Jaeckel's normalised Black function ("Let's be rational", Wilmott 2015, section 2),
 * so far out-of-the-money prices keep their relative accuracy down to the underflow threshold instead of being
 * lost to cancellation in {@code F N(d1) - K N(d2)}.
 *
 * <p>Coin-settled ("inverse") options, such as Deribit's BTC options, pay {@code max(S - K, 0) / S} coins; with a
 * zero coin rate their value in coin is the USD value divided by the forward, {@code V / F} (C. Alexander and
 * A. Imeraj, "Inverse options in a Black-Scholes world", arXiv:2107.12041, section 3). The {@code ...InCoin}
 * methods give that price and its sensitivities.
 */
public final class Black76 {

    private Black76() {
    }

    /**
     * The undiscounted option price, in the currency of {@code forward} and {@code strike} (USD per 1 coin of
     * notional for BTC options): {@code F N(d1) - K N(d2)} for a call and {@code K N(-d2) - F N(-d1)} for a put,
     * with {@code d1,2 = ln(F/K)/(sigma sqrt T) +- sigma sqrt T / 2} (Black 1976; Hull, Options, Futures and Other
     * Derivatives, chapter "Futures options", Black's model, without the discount factor).
     */
    public static double price(OptionType type, double forward, double strike, double timeYears, double volatility) {
        if (!valid(forward, strike, timeYears, volatility)) {
            return Double.NaN;
        }
        return priceFromLogMoneyness(type, forward, strike, logMoneyness(forward, strike),
                volatility * Math.sqrt(timeYears));
    }

    /**
     * {@link #price} from pieces that a caller revaluing one option in many scenarios computes once: the same
     * formula and the same code, without the argument checks. Scenario revaluation moves the forward by a factor
     * {@code g} and so the log-moneyness by {@code ln g}, and keeps {@code sqrt T}, so it need not take a logarithm
     * and a square root per scenario ({@link margo.core.margin.ScenarioGrid}).
     *
     * @param logMoneyness    {@code ln(F/K)}, as {@link #logMoneyness} gives it (or that plus {@code ln g} when
     *                        {@code forward} is {@code g F})
     * @param totalVolatility {@code sigma sqrt T}, &ge; 0; NaN gives NaN
     */
    public static double priceFromLogMoneyness(OptionType type, double forward, double strike, double logMoneyness,
            double totalVolatility) {
        double intrinsic = Math.max(type.sign() * (forward - strike), 0.0);
        // Jaeckel's black(): the in-the-money option is its intrinsic value plus the out-of-the-money option of the
        // other type, whose normalised value is b(-|x|, s) for calls and puts alike (put-call parity).
        return intrinsic + Math.sqrt(forward) * Math.sqrt(strike)
                * NormalisedBlack.call(-Math.abs(logMoneyness), totalVolatility);
    }

    /**
     * The log-moneyness {@code ln(F/K)}, to full relative precision near the money (where it is taken as
     * {@code log1p((F - K)/K)}); forward and strike &gt; 0.
     */
    public static double logMoneyness(double forward, double strike) {
        return NormalisedBlack.logMoneyness(forward, strike);
    }

    /**
     * Delta, dPrice/dF: the change in the USD price per 1 USD change of the forward (dimensionless, coins of
     * forward per option of 1 coin notional). {@code N(d1)} for a call, {@code N(d1) - 1} for a put.
     */
    public static double delta(OptionType type, double forward, double strike, double timeYears, double volatility) {
        if (!valid(forward, strike, timeYears, volatility)) {
            return Double.NaN;
        }
        double s = volatility * Math.sqrt(timeYears);
        if (s <= 0.0) {
            double atExpiry = forward > strike ? 1.0 : forward < strike ? 0.0 : 0.5;
            return type.sign() > 0 ? atExpiry : atExpiry - 1.0;
        }
        return deltaFromLogMoneyness(type, NormalisedBlack.logMoneyness(forward, strike), s);
    }

    /**
     * {@link #delta} from the pieces of {@link #priceFromLogMoneyness}, without the argument checks, for
     * {@code totalVolatility = sigma sqrt T > 0}: {@code N(d1)} for a call, {@code N(d1) - 1} for a put.
     */
    public static double deltaFromLogMoneyness(OptionType type, double logMoneyness, double totalVolatility) {
        double d1 = logMoneyness / totalVolatility + 0.5 * totalVolatility;
        double theta = type.sign();
        // N(theta d1) keeps relative accuracy for the small deltas of far out-of-the-money options.
        return theta * cdf(theta * d1);
    }

    /**
     * Gamma, d2Price/dF2 = {@code phi(d1) / (F sigma sqrt T)}: the change in delta per 1 USD change of the forward,
     * in 1/USD; the same for calls and puts.
     */
    public static double gamma(OptionType type, double forward, double strike, double timeYears, double volatility) {
        if (!valid(forward, strike, timeYears, volatility)) {
            return Double.NaN;
        }
        double s = volatility * Math.sqrt(timeYears);
        if (s <= 0.0) {
            return forward == strike ? Double.NaN : 0.0;
        }
        double d1 = d1(forward, strike, s);
        return pdf(d1) / (forward * s);
    }

    /**
     * Vega, dPrice/dsigma = {@code F phi(d1) sqrt T}: the change in the USD price per 1.00 (i.e. 100 volatility
     * points) of volatility. Divide by 100 for the change per volatility point; Deribit reports vega per point.
     * The same for calls and puts.
     */
    public static double vega(OptionType type, double forward, double strike, double timeYears, double volatility) {
        if (!valid(forward, strike, timeYears, volatility)) {
            return Double.NaN;
        }
        double sqrtT = Math.sqrt(timeYears);
        return sqrtT * vegaFromLogMoneyness(forward, strike, NormalisedBlack.logMoneyness(forward, strike),
                volatility * sqrtT);
    }

    /**
     * dPrice/d(total volatility) {@code = F phi(d1)}, the {@link #vega} per unit of {@code sigma sqrt T} (so vega is
     * this times {@code sqrt T}), from the pieces of {@link #priceFromLogMoneyness}, without the argument checks.
     */
    public static double vegaFromLogMoneyness(double forward, double strike, double logMoneyness,
            double totalVolatility) {
        // F phi(d1) = sqrt(F K) exp(-(h^2 + t^2)/2) / sqrt(2 pi) with h = x/s, t = s/2 (Jaeckel, section 2): no
        // overflow of exp(x/2) in the wings.
        return Math.sqrt(forward) * Math.sqrt(strike) * NormalisedBlack.vega(logMoneyness, totalVolatility);
    }

    /**
     * Theta, dPrice/dt as calendar time t passes with the forward held fixed, {@code -F phi(d1) sigma / (2 sqrt T)},
     * in USD per year (negative for a long option). Divide by 365 for the daily time decay that Deribit reports.
     * The same for calls and puts because the price is undiscounted.
     */
    public static double theta(OptionType type, double forward, double strike, double timeYears, double volatility) {
        if (!valid(forward, strike, timeYears, volatility)) {
            return Double.NaN;
        }
        if (timeYears <= 0.0) {
            return forward == strike && volatility > 0.0 ? Double.NaN : 0.0;
        }
        // dV/dT = vega * dsigma_total/dT / sqrt(T) = vega sigma / (2 T); theta = -dV/dT.
        return -vega(type, forward, strike, timeYears, volatility) * volatility / (2.0 * timeYears);
    }

    /**
     * Vanna, d2Price/dF dsigma = {@code -phi(d1) d2 / sigma}: the change in {@link #delta} per 1.00 of volatility
     * (divide by 100 for per volatility point), dimensionless per unit of vol; the same for calls and puts. 0 at
     * {@code sigma sqrt T = 0} away from the strike, NaN at it (Haug, The Complete Guide to Option Pricing
     * Formulas, 2nd ed., section 2.3, "DdeltaDvol").
     */
    public static double vanna(OptionType type, double forward, double strike, double timeYears, double volatility) {
        if (!valid(forward, strike, timeYears, volatility)) {
            return Double.NaN;
        }
        double s = volatility * Math.sqrt(timeYears);
        if (s <= 0.0) {
            return forward == strike ? Double.NaN : 0.0;
        }
        double d1 = d1(forward, strike, s);
        return -pdf(d1) * (d1 - s) / volatility;
    }

    /**
     * Volga (vomma), d2Price/dsigma2 = {@code vega d1 d2 / sigma}: the change in {@link #vega} per 1.00 of
     * volatility, USD per 1.00 of vol squared (divide by 10,000 for per volatility point squared); the same for
     * calls and puts; 0 at {@code sigma sqrt T = 0} (Haug, section 2.3, "DvegaDvol").
     */
    public static double volga(OptionType type, double forward, double strike, double timeYears, double volatility) {
        if (!valid(forward, strike, timeYears, volatility)) {
            return Double.NaN;
        }
        double s = volatility * Math.sqrt(timeYears);
        if (s <= 0.0) {
            return 0.0;
        }
        double d1 = d1(forward, strike, s);
        return vega(type, forward, strike, timeYears, volatility) * d1 * (d1 - s) / volatility;
    }

    /**
     * The price of a coin-settled (inverse) option in coin per 1 coin of notional: {@code price / F}. For Deribit
     * BTC options this is the premium in BTC that the order book shows.
     */
    public static double priceInCoin(OptionType type, double forward, double strike, double timeYears,
            double volatility) {
        return price(type, forward, strike, timeYears, volatility) / forward;
    }

    /**
     * The delta of a coin-settled option as Deribit reports it, in coin: {@code delta - price / F}, the USD Black
     * delta minus the coin premium. It equals {@code F d(V/F)/dF = dV_coin/d ln F}, the coin P&amp;L per unit
     * relative move of the forward, and is the "premium-adjusted" delta of FX markets (Reiswich and Wystup, "FX
     * volatility smile construction", Wilmott 2012, premium-adjusted spot delta). Deribit's FAQ on "Delta Total" gives the same rule:
     * buying a 0.50-delta call for 0.10 BTC adds 0.40 BTC of delta.
     */
    public static double deltaInCoin(OptionType type, double forward, double strike, double timeYears,
            double volatility) {
        return delta(type, forward, strike, timeYears, volatility)
                - priceInCoin(type, forward, strike, timeYears, volatility);
    }

    /**
     * The change of {@link #deltaInCoin} per 1 USD change of the forward, in 1/USD:
     * {@code d/dF [F d(V/F)/dF] = gamma - (delta - V/F) / F}. Note that Deribit's own "gamma" column is the plain
     * Black {@link #gamma}; this is the gamma of the coin delta a hedger of coin-settled positions rebalances.
     */
    public static double gammaInCoin(OptionType type, double forward, double strike, double timeYears,
            double volatility) {
        return gamma(type, forward, strike, timeYears, volatility)
                - deltaInCoin(type, forward, strike, timeYears, volatility) / forward;
    }

    /**
     * dPriceInCoin/dsigma = {@code vega / F}: coin per 1.00 of volatility (divide by 100 for per volatility point).
     */
    public static double vegaInCoin(OptionType type, double forward, double strike, double timeYears,
            double volatility) {
        return vega(type, forward, strike, timeYears, volatility) / forward;
    }

    /** dPriceInCoin/dt = {@code theta / F}: coin per year of calendar time (divide by 365 for per day). */
    public static double thetaInCoin(OptionType type, double forward, double strike, double timeYears,
            double volatility) {
        return theta(type, forward, strike, timeYears, volatility) / forward;
    }

    /** {@code d1 = ln(F/K)/s + s/2} for a total volatility {@code s = sigma sqrt T > 0}. */
    private static double d1(double forward, double strike, double s) {
        return NormalisedBlack.logMoneyness(forward, strike) / s + 0.5 * s;
    }

    /** Finite positive forward and strike, finite non-negative time and volatility. NaN fails every comparison. */
    private static boolean valid(double forward, double strike, double timeYears, double volatility) {
        return forward > 0.0 && forward < Double.POSITIVE_INFINITY
                && strike > 0.0 && strike < Double.POSITIVE_INFINITY
                && timeYears >= 0.0 && timeYears < Double.POSITIVE_INFINITY
                && volatility >= 0.0 && volatility < Double.POSITIVE_INFINITY;
    }
}
