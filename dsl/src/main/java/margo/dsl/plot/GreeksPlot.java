package margo.dsl.plot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import margo.core.hedging.BookGreeks;
import margo.core.hedging.Greek;
import margo.core.hedging.Greeks;
import margo.core.margin.Account;
import margo.core.margin.Book;
import margo.core.margin.MarginGroup;
import margo.core.margin.PositionPricer;
import margo.core.market.DeribitExpiry;
import margo.core.market.YearFraction;

/**
 * {@code plot greeks(book)}: a book's USD greeks by expiry, one panel per greek, one line per margin group; the x
 * axis is days to expiry, with the perpetual and coin collateral at day 0.
 */
public final class GreeksPlot {

    /** The greeks drawn, one panel each. */
    private static final List<Greek> DRAWN = List.of(Greek.DELTA_USD, Greek.GAMMA_USD, Greek.VEGA_USD,
            Greek.THETA_USD);

    private GreeksPlot() {
    }

    /** The figure, the book valued by {@code pricer} at {@code valuationTime}. */
    public static Figure byExpiry(String title, Book book, PositionPricer pricer, Instant valuationTime) {
        List<String> names = new ArrayList<>();
        List<double[]> days = new ArrayList<>();
        List<double[][]> values = new ArrayList<>();
        for (Account account : book.accounts()) {
            for (MarginGroup group : account.groups()) {
                Map<String, Greeks> buckets = BookGreeks.byExpiry(group, pricer);
                if (buckets.isEmpty()) {
                    continue;
                }
                double[] x = new double[buckets.size()];
                double[][] y = new double[DRAWN.size()][buckets.size()];
                int at = 0;
                for (Map.Entry<String, Greeks> bucket : buckets.entrySet()) {
                    x[at] = daysTo(bucket.getKey(), valuationTime);
                    for (int g = 0; g < DRAWN.size(); g++) {
                        y[g][at] = DRAWN.get(g).of(bucket.getValue(), pricer.indexPrice());
                    }
                    at++;
                }
                names.add(group.isolated() ? account.name() + " / " + group.label() : account.name());
                days.add(x);
                values.add(y);
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        List<Panel> panels = new ArrayList<>();
        for (int g = 0; g < DRAWN.size(); g++) {
            Greek greek = DRAWN.get(g);
            List<Trace> traces = new ArrayList<>();
            for (int s = 0; s < names.size(); s++) {
                traces.add(Series.of(names.get(s), Marks.LINES_AND_MARKERS, Palette.color(s), days.get(s),
                        values.get(s)[g]));
            }
            panels.add(new Panel(greek.columnName(), new Axis("days to expiry", "days"),
                    new Axis(greek.columnName(), unitOf(greek)), traces));
        }
        return new Figure(title, panels, 2);
    }

    /** The unit of the axis: the part of the column's unit before its explanation. */
    private static String unitOf(Greek greek) {
        int colon = greek.unit().indexOf(':');
        return colon < 0 ? greek.unit() : greek.unit().substring(0, colon);
    }

    /** Days from the valuation time to a bucket's expiry (08:00 UTC), 0 for the perpetual and collateral. */
    private static double daysTo(String bucket, Instant valuationTime) {
        if (bucket.equals(BookGreeks.PERPETUAL) || bucket.equals(BookGreeks.COLLATERAL)) {
            return 0.0;
        }
        return 365.0 * YearFraction.act365(valuationTime, DeribitExpiry.expiryInstant(LocalDate.parse(bucket)));
    }
}
