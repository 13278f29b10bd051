package margo.zk;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import margo.core.margin.DeltaOneMarginTerms;
import margo.core.margin.MarginRequirement;
import margo.core.margin.MarginRule;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.Position;
import margo.core.margin.PositionPricer;
import margo.core.margin.Scenario;
import margo.core.margin.ScenarioPnlMatrix;
import margo.core.margin.Settlement;
import margo.core.margin.StandardMarginRule;
import margo.core.market.InstrumentName;

/**
 * What a venue publishes for its accounts to prove their margin against (docs/zk-margin.md, "Public vectors"): for
 * each instrument of its slate, the values per unit of the instrument that make every account's margin a linear
 * (or, for futures, quadratic) function of its sizes, in fixed point. For standard margin: the mark, and the IM and
 * MM per unit held long and short, with the futures size term; for portfolio margin: the mark, the P&amp;L per unit in
 * each scenario of the risk matrix (27 of price and volatility, then the extended moves), the roll-shock charge per
 * unit and the delta per unit, with the rule's MM factor, delta-shock fraction and threshold. Both sides read the
 * same integers from the same file, so there is no second rounding.
 *
 * @param currency       the settlement currency every amount is in, e.g. {@code BTC}
 * @param index          the coin's index price the vectors were computed at, USD
 * @param valuationTime  the market's time, ISO-8601
 * @param rule           the rule family, {@code deribit_standard} or {@code portfolio_margin}
 * @param portfolio      whether the rule is portfolio margin
 * @param scenarios      the scenarios' labels (one zero scenario for standard margin, whose circuit has no matrix)
 * @param instruments    the slate, in the order of the circuit's slots
 * @param columns        per {@link Column}, per instrument, the integer; {@link Column#PNL} is in {@link #pnl}
 * @param pnl            per instrument, per scenario, the P&amp;L of one unit, 12 decimals
 * @param mmFactor       portfolio MM over IM, 6 decimals (0 for standard margin)
 * @param deltaShock     the delta-shock fraction, 6 decimals
 * @param deltaThreshold the net delta before the delta shock applies, in units of delta, 16 decimals
 */
record ScenarioVectors(String currency, double index, String valuationTime, String rule, boolean portfolio,
                       List<String> scenarios, List<String> instruments, BigInteger[][] columns, BigInteger[][] pnl,
                       BigInteger mmFactor, BigInteger deltaShock, BigInteger deltaThreshold) {

    /** The format written in every file, checked on reading. */
    static final String FORMAT = "margo-zk-scenarios/1";

    /** The per-instrument vectors other than the scenario P&amp;L, in the circuit's order of public inputs. */
    enum Column {
        MARK("mark", FixedPoint.VALUE_DECIMALS, true),
        INITIAL_LONG("initial_long", FixedPoint.VALUE_DECIMALS, false),
        INITIAL_SHORT("initial_short", FixedPoint.VALUE_DECIMALS, false),
        MAINTENANCE_LONG("maintenance_long", FixedPoint.VALUE_DECIMALS, false),
        MAINTENANCE_SHORT("maintenance_short", FixedPoint.VALUE_DECIMALS, false),
        QUADRATIC("quadratic", FixedPoint.QUADRATIC_DECIMALS, false),
        ROLL("roll", FixedPoint.VALUE_DECIMALS, false),
        DELTA("delta", FixedPoint.VALUE_DECIMALS, true);

        final String key;
        final int decimals;
        final boolean signed;

        Column(String key, int decimals, boolean signed) {
            this.key = key;
            this.decimals = decimals;
            this.signed = signed;
        }

        int bits() {
            return this == QUADRATIC ? FixedPoint.QUADRATIC_BITS : FixedPoint.VALUE_BITS;
        }
    }

    /**
     * The vectors of {@code instruments} (one settlement currency) under {@code rule}, at the pricer's market.
     *
     * @throws IllegalArgumentException for a rule other than standard or portfolio margin, mixed currencies, or a
     *                                  value beyond the circuit's bounds
     */
    static ScenarioVectors of(List<InstrumentName> instruments, PositionPricer pricer, String family, MarginRule rule,
                              String valuationTime) {
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("there are no instruments to publish vectors for");
        }
        String currency = Settlement.currency(instruments.get(0));
        for (InstrumentName instrument : instruments) {
            if (!Settlement.currency(instrument).equals(currency)) {
                throw new IllegalArgumentException("the slate mixes settlement currencies (" + currency + " and "
                        + Settlement.currency(instrument) + " of " + instrument.text() + "): a proof is about one"
                        + " currency's margin, so publish one currency at a time");
            }
        }
        int n = instruments.size();
        double[][] values = new double[Column.values().length][n];
        for (int i = 0; i < n; i++) {
            values[Column.MARK.ordinal()][i] = pricer.unitValue(instruments.get(i));
        }
        double[][] pnl;
        List<String> labels = new ArrayList<>();
        double mmFactor = 0;
        double deltaShock = 0;
        double deltaThreshold = 0;
        boolean portfolio = rule instanceof PortfolioMarginRule;
        switch (rule) {
            case StandardMarginRule standard -> {
                standardVectors(standard, instruments, pricer, values);
                pnl = new double[n][1];
                labels.add("none (standard margin)");
            }
            case PortfolioMarginRule pm -> {
                PortfolioMarginParameters parameters = pm.parameters();
                List<Scenario> grid = pm.scenarios();
                grid.forEach(scenario -> labels.add(scenario.label()));
                double[] unit = ScenarioPnlMatrix.unitPnl(instruments, grid, pricer);
                pnl = new double[n][grid.size()];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(unit, i * grid.size(), pnl[i], 0, grid.size());
                    double delta = pricer.moveDelta(instruments.get(i));
                    values[Column.DELTA.ordinal()][i] = delta;
                    values[Column.ROLL.ordinal()][i] = Math.abs(delta)
                            * parameters.rollMove(pricer.timeToExpiry(instruments.get(i)));
                }
                mmFactor = parameters.mmFactor();
                deltaShock = parameters.maxDeltaShock();
                deltaThreshold = parameters.deltaShockThresholdUsd()
                        / Settlement.of(instruments.get(0)).usdPerUnit(pricer.indexPrice());
            }
            default -> throw new IllegalArgumentException("a proof of margin supports deribit_standard and"
                    + " portfolio_margin rules, not " + family + ": other rules are not piecewise linear in the sizes"
                    + " over public vectors (docs/zk-margin.md)");
        }
        List<String> names = instruments.stream().map(InstrumentName::text).toList();
        BigInteger[][] columns = new BigInteger[values.length][n];
        for (Column column : Column.values()) {
            for (int i = 0; i < n; i++) {
                columns[column.ordinal()][i] = FixedPoint.scaled(values[column.ordinal()][i], column.decimals);
            }
        }
        BigInteger[][] scaledPnl = new BigInteger[n][pnl[0].length];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < pnl[i].length; s++) {
                scaledPnl[i][s] = FixedPoint.scaled(pnl[i][s], FixedPoint.VALUE_DECIMALS);
            }
        }
        ScenarioVectors vectors = new ScenarioVectors(currency, pricer.indexPrice(), valuationTime, family, portfolio,
                List.copyOf(labels), names, columns, scaledPnl,
                FixedPoint.scaled(mmFactor, FixedPoint.FRACTION_DECIMALS),
                FixedPoint.scaled(deltaShock, FixedPoint.FRACTION_DECIMALS),
                FixedPoint.scaled(deltaThreshold, FixedPoint.AMOUNT_DECIMALS));
        vectors.checkBounds("the market");
        return vectors;
    }

    /**
     * Standard margin per unit: a long option its mark, a short option the rule's IM and MM of one short option
     * (linear in the count); a future {@code |q| a + q^2 b} with {@code coins = |q| / F} of an inverse future's USD
     * notional {@code q} (or {@code |q|} coin of a linear one) and the terms of {@link DeltaOneMarginTerms}.
     */
    private static void standardVectors(StandardMarginRule rule, List<InstrumentName> instruments,
                                        PositionPricer pricer, double[][] values) {
        if (rule.options().initialUsesEntryPrice()) {
            throw new IllegalArgumentException("standard margin that counts the entry price of short options (Bybit's)"
                    + " depends on a private price, not only on sizes: a proof supports Deribit's terms");
        }
        double index = pricer.indexPrice();
        for (int i = 0; i < instruments.size(); i++) {
            InstrumentName instrument = instruments.get(i);
            if (instrument instanceof InstrumentName.Option option) {
                double mark = Math.max(pricer.unitValue(option), 0.0);
                MarginRequirement shortOne = rule.requirement(List.of(new Position(option, -1, Double.NaN)), pricer);
                set(values, Column.INITIAL_LONG, i, mark);
                set(values, Column.MAINTENANCE_LONG, i, mark);
                set(values, Column.INITIAL_SHORT, i, shortOne.initial());
                set(values, Column.MAINTENANCE_SHORT, i, shortOne.maintenance());
                continue;
            }
            DeltaOneMarginTerms terms = rule.deltaOne().get(instrument.underlying());
            if (terms == null) {
                throw new IllegalArgumentException("no futures margin terms for underlying " + instrument.underlying()
                        + " of " + instrument.text() + "; the rule has terms for " + rule.deltaOne().keySet());
            }
            boolean inverse = Settlement.of(instrument) == Settlement.INVERSE;
            // Inverse: margin in coin of coins = |q| / F; linear: in USD of coins = |q| at the index.
            double perCoin = inverse ? 1.0 / pricer.forward(instrument) : index;
            double coinsPerUnit = inverse ? 1.0 / pricer.forward(instrument) : 1.0;
            double initial = perCoin * terms.initial();
            double maintenance = perCoin * terms.maintenance();
            set(values, Column.INITIAL_LONG, i, initial);
            set(values, Column.INITIAL_SHORT, i, initial);
            set(values, Column.MAINTENANCE_LONG, i, maintenance);
            set(values, Column.MAINTENANCE_SHORT, i, maintenance);
            set(values, Column.QUADRATIC, i, perCoin * coinsPerUnit * terms.sizeIncrement());
        }
    }

    private static void set(double[][] values, Column column, int instrument, double value) {
        values[column.ordinal()][instrument] = value;
    }

    /** The number of instruments, the circuit's {@code n}. */
    int size() {
        return instruments.size();
    }

    /** The number of scenarios, the circuit's {@code s}. */
    int scenarioCount() {
        return pnl[0].length;
    }

    /** The integer of a column for an instrument. */
    BigInteger value(Column column, int instrument) {
        return columns[column.ordinal()][instrument];
    }

    /** A column's integers, one per instrument. */
    BigInteger[] columnValues(Column column) {
        return columns[column.ordinal()].clone();
    }

    /** The slot of an instrument in the slate, or -1. */
    int slot(String instrument) {
        return instruments.indexOf(instrument);
    }

    /**
     * The circuit's public inputs after its output (the commitment), in its order: the columns and the P&amp;L matrix,
     * then whether the rule is portfolio margin, whether the level is maintenance, the MM factor, the delta-shock
     * fraction and threshold.
     */
    List<BigInteger> publicInputs(boolean maintenance) {
        List<BigInteger> out = new ArrayList<>();
        addColumn(out, Column.MARK);
        for (BigInteger[] row : pnl) {
            out.addAll(List.of(row));
        }
        for (Column column : Column.values()) {
            if (column != Column.MARK) {
                addColumn(out, column);
            }
        }
        out.add(portfolio ? BigInteger.ONE : BigInteger.ZERO);
        out.add(maintenance ? BigInteger.ONE : BigInteger.ZERO);
        out.addAll(List.of(mmFactor, deltaShock, deltaThreshold));
        return out;
    }

    private void addColumn(List<BigInteger> out, Column column) {
        out.addAll(List.of(columns[column.ordinal()]));
    }

    /** The SHA-256 of the public inputs at the initial level, hex: the name of these vectors in a statement. */
    String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (BigInteger value : publicInputs(false)) {
                digest.update((value.toString() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Checks every integer against the bound the circuit's soundness argument assumes (docs/zk-margin.md): the
     * circuit checks the private values, whoever builds the public inputs checks these.
     */
    void checkBounds(String source) {
        for (Column column : Column.values()) {
            for (int i = 0; i < size(); i++) {
                BigInteger value = value(column, i);
                if (!FixedPoint.fits(value, column.bits()) || (!column.signed && value.signum() < 0)) {
                    throw new IllegalArgumentException(source + ": " + column.key + " of " + instruments.get(i) + " is "
                            + value + " at " + column.decimals + " decimals, outside the circuit's bound ("
                            + (column.signed ? "|v|" : "0 <= v") + " < 2^" + column.bits() + ")");
                }
            }
        }
        for (int i = 0; i < size(); i++) {
            for (int s = 0; s < scenarioCount(); s++) {
                if (!FixedPoint.fits(pnl[i][s], FixedPoint.VALUE_BITS)) {
                    throw new IllegalArgumentException(source + ": the P&L of " + instruments.get(i) + " in scenario "
                            + scenarios.get(s) + " is outside the circuit's bound (|v| < 2^70 at 12 decimals)");
                }
            }
        }
        BigInteger million = FixedPoint.power(FixedPoint.FRACTION_DECIMALS);
        if (mmFactor.signum() < 0 || mmFactor.compareTo(million) > 0 || deltaShock.signum() < 0
                || deltaShock.compareTo(million) > 0) {
            throw new IllegalArgumentException(source + ": the MM factor and the delta-shock fraction must be in [0, 1]");
        }
        if (deltaThreshold.signum() < 0 || !FixedPoint.fits(deltaThreshold, FixedPoint.WORST_BITS)) {
            throw new IllegalArgumentException(source + ": the delta-shock threshold is outside [0, 2^88) at 16 decimals");
        }
    }

    // ---- the file

    /** Writes the vectors as JSON, integers as decimal strings. */
    void write(Path path) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("currency", currency);
        root.addProperty("index", index);
        root.addProperty("valuation_time", valuationTime);
        root.addProperty("rule", rule);
        root.addProperty("portfolio", portfolio);
        JsonObject decimals = new JsonObject();
        decimals.addProperty("values", FixedPoint.VALUE_DECIMALS);
        decimals.addProperty("quadratic", FixedPoint.QUADRATIC_DECIMALS);
        decimals.addProperty("fractions", FixedPoint.FRACTION_DECIMALS);
        decimals.addProperty("delta_threshold", FixedPoint.AMOUNT_DECIMALS);
        root.add("decimals", decimals);
        root.addProperty("mm_factor", mmFactor.toString());
        root.addProperty("delta_shock", deltaShock.toString());
        root.addProperty("delta_threshold", deltaThreshold.toString());
        JsonArray labels = new JsonArray();
        scenarios.forEach(labels::add);
        root.add("scenarios", labels);
        JsonArray slate = new JsonArray();
        for (int i = 0; i < size(); i++) {
            JsonObject instrument = new JsonObject();
            instrument.addProperty("name", instruments.get(i));
            for (Column column : Column.values()) {
                instrument.addProperty(column.key, value(column, i).toString());
            }
            JsonArray row = new JsonArray();
            for (BigInteger value : pnl[i]) {
                row.add(value.toString());
            }
            instrument.add("pnl", row);
            slate.add(instrument);
        }
        root.add("instruments", slate);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        Files.writeString(path, gson.toJson(root) + "\n");
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the file and the field when it is not such a file or a value is out of
     *                                  the circuit's bounds
     */
    static ScenarioVectors read(Path path) throws IOException {
        String where = path.toString();
        try {
            JsonObject root = JsonParser.parseString(Files.readString(path)).getAsJsonObject();
            String format = text(root, "format", where);
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException(where + ": format is " + format + ", not " + FORMAT);
            }
            List<String> labels = new ArrayList<>();
            for (JsonElement label : array(root, "scenarios", where)) {
                labels.add(label.getAsString());
            }
            JsonArray slate = array(root, "instruments", where);
            if (slate.isEmpty()) {
                throw new IllegalArgumentException(where + ": instruments is empty");
            }
            int n = slate.size();
            List<String> names = new ArrayList<>();
            BigInteger[][] columns = new BigInteger[Column.values().length][n];
            BigInteger[][] pnl = new BigInteger[n][];
            for (int i = 0; i < n; i++) {
                JsonObject instrument = slate.get(i).getAsJsonObject();
                String at = where + ": instrument " + (i + 1);
                names.add(text(instrument, "name", at));
                for (Column column : Column.values()) {
                    columns[column.ordinal()][i] = integer(instrument, column.key, at);
                }
                JsonArray row = array(instrument, "pnl", at);
                if (row.size() != labels.size()) {
                    throw new IllegalArgumentException(at + ": pnl has " + row.size() + " entries for "
                            + labels.size() + " scenarios");
                }
                pnl[i] = new BigInteger[row.size()];
                for (int s = 0; s < row.size(); s++) {
                    pnl[i][s] = parse(row.get(s).getAsString(), "pnl", at);
                }
            }
            ScenarioVectors vectors = new ScenarioVectors(text(root, "currency", where),
                    root.get("index").getAsDouble(), text(root, "valuation_time", where), text(root, "rule", where),
                    root.get("portfolio").getAsBoolean(), List.copyOf(labels), List.copyOf(names), columns, pnl,
                    integer(root, "mm_factor", where), integer(root, "delta_shock", where),
                    integer(root, "delta_threshold", where));
            vectors.checkBounds(where);
            return vectors;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
            throw new IllegalArgumentException(where + " is not a scenario-vectors file of " + FORMAT + ": "
                    + e.getMessage());
        }
    }

    private static String text(JsonObject object, String key, String where) {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException(where + ": " + key + " is missing");
        }
        return value.getAsString();
    }

    private static JsonArray array(JsonObject object, String key, String where) {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonArray()) {
            throw new IllegalArgumentException(where + ": " + key + " is missing or not a list");
        }
        return value.getAsJsonArray();
    }

    private static BigInteger integer(JsonObject object, String key, String where) {
        return parse(text(object, key, where), key, where);
    }

    private static BigInteger parse(String text, String key, String where) {
        try {
            return new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + key + " is '" + text + "', not an integer");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s vectors of %d instruments x %d scenarios in %s", rule, size(),
                scenarioCount(), currency);
    }
}
