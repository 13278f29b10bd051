package margo.core.risk;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import margo.core.margin.DeltaOneMarginTerms;
import margo.core.margin.OptionMarginTerms;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.SpanParameters;
import margo.core.margin.StandardMarginRule;

/**
 * New margin parameters from a calibrated {@link Shock}: the step from "how far can the price move over the
 * liquidation horizon at 99%" to the rules a venue would publish. Each rule takes one symmetric price parameter, so
 * it gets the wider of the two tails; vol shocks come from an {@link ImpliedVolatilityShock} when one is given and
 * otherwise stay as declared, which the result's {@code volatilitySource} says.
 */
public final class RuleCalibration {

    private RuleCalibration() {
    }

    /**
     * Portfolio margin: {@code priceRange} = the wider tail; with an implied-vol shock, {@code volatilityRangeUp}
     * and {@code volatilityRangeDown} = its relative rise and fall (the 30-day scaling {@code (30/DTE)^p} of the
     * rule then applies to them, so the history should be a 30-day IV such as DVOL). Extended moves stay as
     * declared; see {@link ExtendedMoveCoverage} for what they cover.
     */
    public static CalibratedRules<PortfolioMarginParameters> portfolioMargin(PortfolioMarginParameters declared,
                                                                             Shock shock,
                                                                             ImpliedVolatilityShock volatility) {
        double range = widerTail(shock, 0.99, "a portfolio-margin price range");
        PortfolioMarginParameters p = declared.withPriceRange(range);
        if (volatility != null) {
            p = new PortfolioMarginParameters(p.priceRange(), p.bucketsCount(), volatility.relativeUp(),
                    Math.min(volatility.relativeDown(), 1), p.shortTermVegaPower(), p.longTermVegaPower(),
                    p.vegaPowerSwitchDays(), p.minDaysToExpiry(), p.minVolatilityForShockUp(), p.extendedMoves(),
                    p.extendedTableFactor(), p.annualisedMoveRisk(), p.minAnnualisedMove(), p.maxDeltaShock(),
                    p.deltaShockThresholdUsd(), p.pnlOffset(), p.mmFactor());
        }
        String volSource = volatility == null
                ? String.format(Locale.ROOT, "vol shocks kept as declared (up %s, down %s): no implied-vol history",
                        pct(declared.volatilityRangeUp()), pct(declared.volatilityRangeDown()))
                : String.format(Locale.ROOT, "vol shocks from %d implied-vol changes: up %s, down %s (relative)",
                        volatility.observations(), pct(p.volatilityRangeUp()), pct(p.volatilityRangeDown()));
        return new CalibratedRules<>(p, shock, "price range " + pct(range) + " = " + tails(shock), volSource);
    }

    /**
     * SPAN: {@code priceScanRange} = the wider tail; with an implied-vol shock, {@code volatilityScanRange} = the
     * wider of its absolute rise and fall in vol points. The extreme move stays a multiple of the scan range.
     */
    public static CalibratedRules<SpanParameters> span(SpanParameters declared, Shock shock,
                                                       ImpliedVolatilityShock volatility) {
        double range = widerTail(shock, 1 / declared.extremeMultiple(), "a SPAN price scan range times its extreme "
                + "multiple " + declared.extremeMultiple());
        double volScan = volatility == null ? declared.volatilityScanRange()
                : Math.max(volatility.absoluteUp(), volatility.absoluteDown());
        SpanParameters s = new SpanParameters(range, volScan, declared.extremeMultiple(), declared.extremeCoverage(),
                declared.shortOptionMinimum(), declared.intraSpreadRate(), declared.initialToMaintenance());
        String volSource = volatility == null
                ? String.format(Locale.ROOT, "vol scan kept as declared (%.1f vol points): no implied-vol history",
                        100 * volScan)
                : String.format(Locale.ROOT, "vol scan %.1f vol points from %d implied-vol changes", 100 * volScan,
                        volatility.observations());
        return new CalibratedRules<>(s, shock, "price scan range " + pct(range) + " = " + tails(shock), volSource);
    }

    /**
     * Deribit-style standard margin: the short-option initial fraction and the initial fraction of the futures
     * named in {@code futures} (e.g. {@code BTC}, {@code BTC_USDC}) become the wider tail; each term's floor and
     * maintenance keep their declared ratio to its initial fraction, and size increments stay as declared. Standard
     * margin has no vol shock.
     */
    public static CalibratedRules<StandardMarginRule> standard(StandardMarginRule declared, Shock shock,
                                                               Set<String> futures) {
        double fraction = widerTail(shock, 1, "a standard-margin fraction");
        OptionMarginTerms o = declared.options();
        double scale = o.initial() > 0 ? fraction / o.initial() : 0;
        OptionMarginTerms options = new OptionMarginTerms(fraction, Math.min(1, o.initialFloor() * scale),
                Math.min(1, o.maintenance() * scale), o.fee(), o.initialUsesEntryPrice());
        Map<String, DeltaOneMarginTerms> deltaOne = new HashMap<>(declared.deltaOne());
        for (String name : futures) {
            DeltaOneMarginTerms terms = deltaOne.get(name);
            if (terms == null) {
                throw new IllegalArgumentException("the rule has no futures terms for " + name + "; it has "
                        + declared.deltaOne().keySet());
            }
            double ratio = terms.initial() > 0 ? terms.maintenance() / terms.initial() : 0.5;
            deltaOne.put(name, new DeltaOneMarginTerms(fraction, fraction * ratio, terms.sizeIncrement()));
        }
        return new CalibratedRules<>(new StandardMarginRule(options, deltaOne), shock,
                "option and " + String.join(", ", futures) + " initial fractions " + pct(fraction) + " = "
                        + tails(shock), "standard margin has no vol shock");
    }

    private static double widerTail(Shock shock, double limit, String what) {
        double wider = Math.max(0, Math.max(shock.down(), shock.up()));
        if (!(wider < limit)) {
            throw new IllegalArgumentException(what + " must stay below " + pct(limit) + ", but the shock is "
                    + pct(wider));
        }
        return wider;
    }

    private static String tails(Shock shock) {
        return "wider of down " + pct(shock.down()) + " and up " + pct(shock.up());
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
