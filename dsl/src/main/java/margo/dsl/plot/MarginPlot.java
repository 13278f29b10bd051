package margo.dsl.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import margo.core.margin.Account;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.MarginState;
import margo.core.margin.PositionPricer;

/**
 * The margin figures, computed by core's {@link MarginCalculator}: {@code scenarios} (P&amp;L by price move and vol
 * shock, one heat map per margin group) and {@code liquidation} (equity and MM against the index, one panel per margin
 * group). Amounts are USD.
 */
public final class MarginPlot {

    /** The default price moves of {@code scenarios}: -50% to +50% in steps of 10%. */
    public static final List<Double> DEFAULT_PRICE_MOVES = steps(-0.5, 0.1, 11);
    /** The default vol shocks of {@code scenarios}: -30 to +60 vol points in steps of 15. */
    public static final List<Double> DEFAULT_VOL_SHOCKS = steps(-0.3, 0.15, 7);
    /** The least index range of {@code liquidation}, as multiples of the index, and its number of points. */
    public static final double LOWEST_MULTIPLE = 0.4;
    public static final double HIGHEST_MULTIPLE = 1.6;
    public static final int LIQUIDATION_POINTS = 121;

    private MarginPlot() {
    }

    /**
     * One heat map per margin group: z[vol][price] the group's P&amp;L (the change of its equity, collateral
     * included) when every price moves by the price move and every implied vol by the vol shock; x in percent, y in
     * vol points. An account's isolated groups get panels of their own, named {@code account / group}, because their
     * losses cannot draw on the cross pool.
     */
    public static Figure scenarios(String title, List<Account> accounts, MarginCalculator calculator,
                                   PositionPricer pricer, List<Double> priceMoves, List<Double> volShocks) {
        double[] x = priceMoves.stream().mapToDouble(move -> 100 * move).toArray();
        double[] y = volShocks.stream().mapToDouble(shock -> 100 * shock).toArray();
        List<Panel> panels = new ArrayList<>();
        for (Account account : accounts) {
            for (MarginGroup group : account.groups()) {
                double now = calculator.equityAndMaintenance(group, pricer)[0];
                double[][] z = new double[volShocks.size()][priceMoves.size()];
                for (int row = 0; row < volShocks.size(); row++) {
                    for (int column = 0; column < priceMoves.size(); column++) {
                        PositionPricer moved = pricer.shifted(priceMoves.get(column), volShocks.get(row));
                        z[row][column] = calculator.equityAndMaintenance(group, moved)[0] - now;
                    }
                }
                panels.add(new Panel(panelName(account, group), new Axis("price move", "%"),
                        new Axis("vol shock", "vol points"), List.of(new HeatMap("P&L", x, y, z, "P&L (USD)"))));
            }
        }
        return new Figure(title, panels, 2);
    }

    /**
     * One panel per margin group with positions: its equity and MM against the index from 0.4 to 1.6 times it
     * (widened to 10% beyond a liquidation price outside that range), every price moved by the same factor and vols
     * at their marks, with core's liquidation prices as markers on MM.
     */
    public static Figure liquidation(String title, List<Account> accounts, MarginCalculator calculator,
                                     PositionPricer pricer) {
        double index = pricer.indexPrice();
        List<Panel> panels = new ArrayList<>();
        for (Account account : accounts) {
            for (MarginGroup group : account.groups()) {
                if (group.positions().isEmpty()) {
                    continue;
                }
                MarginState state = calculator.state(group, pricer);
                double low = LOWEST_MULTIPLE * index;
                double high = HIGHEST_MULTIPLE * index;
                if (Double.isFinite(state.liquidationPriceDown())) {
                    low = Math.min(low, 0.9 * state.liquidationPriceDown());
                }
                if (Double.isFinite(state.liquidationPriceUp())) {
                    high = Math.max(high, 1.1 * state.liquidationPriceUp());
                }
                double[] prices = new double[LIQUIDATION_POINTS];
                for (int i = 0; i < LIQUIDATION_POINTS; i++) {
                    prices[i] = low + (high - low) * i / (LIQUIDATION_POINTS - 1);
                }
                double[] equity = new double[prices.length];
                double[] maintenance = new double[prices.length];
                for (int i = 0; i < prices.length; i++) {
                    double[] at = calculator.equityAndMaintenance(group, pricer.shifted(prices[i] / index - 1, 0.0));
                    equity[i] = at[0];
                    maintenance[i] = at[1];
                }
                List<Trace> traces = new ArrayList<>(List.of(
                        Series.of("equity", Marks.LINES, Palette.BLUE, prices, equity),
                        Series.of("maintenance margin", Marks.LINES, Palette.RED, prices, maintenance)));
                List<Double> liquidationX = new ArrayList<>();
                List<Double> liquidationY = new ArrayList<>();
                for (double price : new double[] {state.liquidationPriceDown(), state.liquidationPriceUp()}) {
                    if (Double.isFinite(price) && !liquidationX.contains(price)) {
                        liquidationX.add(price);
                        liquidationY.add(calculator.equityAndMaintenance(group,
                                pricer.shifted(price / index - 1, 0.0))[1]);
                    }
                }
                if (!liquidationX.isEmpty()) {
                    traces.add(Series.of("liquidation price", Marks.MARKERS, Palette.PURPLE,
                            liquidationX.stream().mapToDouble(Double::doubleValue).toArray(),
                            liquidationY.stream().mapToDouble(Double::doubleValue).toArray()));
                }
                panels.add(new Panel(panelName(account, group) + liquidationNote(state), new Axis("index", "USD"),
                        new Axis("amount", "USD"), traces));
            }
        }
        if (panels.isEmpty()) {
            return null;
        }
        return new Figure(title, panels, 2);
    }

    private static String liquidationNote(MarginState state) {
        List<String> prices = new ArrayList<>();
        for (double price : new double[] {state.liquidationPriceDown(), state.liquidationPriceUp()}) {
            if (Double.isFinite(price) && !prices.contains(format(price))) {
                prices.add(format(price));
            }
        }
        return prices.isEmpty() ? ", no liquidation price" : ", liquidation at " + String.join(" and ", prices);
    }

    private static String format(double price) {
        return String.format(Locale.ROOT, "%,.0f", price);
    }

    /** The account's name for its cross pool, {@code account / group} for an isolated group. */
    private static String panelName(Account account, MarginGroup group) {
        return group.isolated() ? account.name() + " / " + group.label() : account.name();
    }

    private static List<Double> steps(double first, double step, int count) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Math.round((first + step * i) * 1e9) / 1e9);
        }
        return List.copyOf(out);
    }
}
