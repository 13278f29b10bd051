package margo.dsl.check;

import java.util.Locale;

/** The kinds of value the checker tells apart; units are part of the kind where mixing them is an error. */
public enum Kind {
    /** A plain number; percentages and basis points are plain numbers too (16% is 0.16). */
    NUMBER,
    BOOLEAN,
    TEXT,
    /** A point in time, UTC. */
    INSTANT,
    /** A length of time in years, ACT/365 ({@code 2d} is 2/365). */
    DURATION,
    TABLE,
    LIST,
    /** A chart, made by smile(...) and drawn by plot. */
    FIGURE,
    /** A margin rule set: {@code rules pm = portfolio_margin { ... }}, or a family's defaults ({@code deribit_standard}). */
    RULES,
    /** Positions by account with the market they are valued in: {@code book desk = positions(...)}. */
    BOOK,
    /** Smiles fitted to a chain: {@code surface sv = svi(chain)}. */
    SURFACE,
    /** A parametric model with bounded parameters and constraints: {@code model N = heston { ... }}. */
    MODEL,
    /**
     * The columns of a chain file that do not go by its format's names, to reuse in several {@code options(...)}:
     * {@code let collector = layout(forward "underlying", mark_iv "implied_volatility", iv_unit "decimal")}.
     */
    LAYOUT,
    /** A calibrated model and how well it fits: {@code fit N = calibrate MODEL to DATA { ... }}. */
    FIT,
    /**
     * A model calibrated to each snapshot of a series, shown as a table with a row per snapshot:
     * {@code fit N = calibrate MODEL to SERIES { warm_start true }}.
     */
    FIT_SERIES,
    /**
     * A report of tables and notes, such as the explanation of a calibrated rule or a backtest: {@code explain(pm)},
     * {@code backtest(pm)}.
     */
    REPORT,
    /**
     * A collateral haircut calibrated from a price history, {@code haircut(eth, ...)}: shown as a report, and taken
     * by a book's collateral, {@code positions(..., haircut h)}.
     */
    HAIRCUT,
    /** A hedge: its trades, the greeks and margin before and after, and the hedged book: {@code hedge(desk, "a")}. */
    HEDGE,
    /** The kind of an expression that already has an error: it matches anything, so one mistake is reported once. */
    ERROR;

    /** The word used in messages: {@code number}, {@code duration} ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code a number}, {@code an instant}, {@code text}. */
    public String withArticle() {
        String word = word();
        if (this == TEXT) {
            return word;
        }
        if (this == RULES) {
            return "margin rules";
        }
        if (this == FIT_SERIES) {
            return "a fit series";
        }
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }
}
