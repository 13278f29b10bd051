package margo.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import margo.core.io.FileFormatException;
import margo.core.market.CsvFile;

/**
 * Writes a synthetic venue book of any size in the book format ({@code examples/data/book.csv}), across the
 * instruments of an option chain: each account holds BTC collateral (some also USDC at a 1% haircut) and
 * {@code positions} positions, mostly options of the chain at its mark price give or take 10%, some of the chain's
 * dated futures (its {@code underlying_index} names that are futures, not synthetic indices) and the perpetual; one account in fifty also has an isolated group of a USDC-margined perpetual.
 * The same arguments give the same bytes.
 *
 * <pre>java -cp margo-spark.jar margo.spark.SyntheticBook CHAIN.csv OUT.csv ACCOUNTS [POSITIONS [SEED]]</pre>
 */
public final class SyntheticBook {

    private final List<String> options = new ArrayList<>();
    private final List<Double> optionMarks = new ArrayList<>();
    private final List<String> futures = new ArrayList<>();
    private final double index;

    /** The instruments of a Deribit book-summary chain ({@code instrument_name}, {@code mark_price}). */
    SyntheticBook(Path chain) throws IOException {
        CsvFile csv;
        try (Reader reader = Files.newBufferedReader(chain, StandardCharsets.UTF_8)) {
            csv = CsvFile.read(chain.toString(), reader, "options");
        } catch (FileFormatException malformed) {
            throw new IllegalArgumentException(malformed.getMessage(), malformed);
        }
        TreeSet<String> expiries = new TreeSet<>();
        double indexSum = 0;
        for (CsvFile.Record record : csv.records()) {
            String instrument = csv.value(record, "instrument_name");
            String mark = csv.value(record, "mark_price");
            if (!mark.isEmpty()) {
                options.add(instrument);
                optionMarks.add(Double.parseDouble(mark));
            }
            String future = csv.value(record, "underlying_index");
            if (future.matches("[A-Z]+-\\d{1,2}[A-Z]{3}\\d{2}")) {
                expiries.add(future);
            }
            indexSum += Double.parseDouble(csv.value(record, "estimated_delivery_price"));
        }
        futures.addAll(expiries);
        index = indexSum / csv.records().size();
    }

    /** Writes {@code accounts} accounts of {@code positions} positions each. */
    void write(Writer out, long accounts, int positions, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        out.write("account,instrument,size,average_price,haircut,margin_group\n");
        for (long a = 1; a <= accounts; a++) {
            String account = String.format(Locale.ROOT, "acct-%08d", a);
            row(out, account, "BTC", decimal(1 + random.nextDouble() * 49, 2), "", "0", "");
            if (random.nextInt(3) == 0) {
                row(out, account, "USDC", decimal(10_000 + random.nextDouble() * 990_000, 0), "", "0.01", "");
            }
            for (int p = 0; p < positions; p++) {
                int kind = random.nextInt(20);
                if (kind < 17) {
                    int i = random.nextInt(options.size());
                    row(out, account, options.get(i), size(random),
                            decimal(optionMarks.get(i) * (0.9 + 0.2 * random.nextDouble()), 4), "", "");
                } else if (kind < 19) {
                    row(out, account, futures.get(random.nextInt(futures.size())), size(random),
                            decimal(index * (0.95 + 0.1 * random.nextDouble()), 1), "", "");
                } else {
                    row(out, account, "BTC-PERPETUAL", size(random),
                            decimal(index * (0.95 + 0.1 * random.nextDouble()), 1), "", "");
                }
            }
            if (random.nextInt(50) == 0) {
                row(out, account, "USDC", decimal(20_000 + random.nextDouble() * 80_000, 0), "", "0.01", "isolated");
                row(out, account, "BTC_USDC-PERPETUAL", size(random),
                        decimal(index * (0.95 + 0.1 * random.nextDouble()), 1), "", "isolated");
            }
        }
    }

    /** Between -10 and 10 coins in steps of 0.1, never 0. */
    private static String size(SplittableRandom random) {
        int tenths = 1 + random.nextInt(100);
        return decimal((random.nextBoolean() ? tenths : -tenths) / 10.0, 1);
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private static void row(Writer out, String... fields) throws IOException {
        out.write(String.join(",", fields));
        out.write('\n');
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 5) {
            System.err.println("usage: SyntheticBook CHAIN.csv OUT.csv ACCOUNTS [POSITIONS [SEED]]");
            System.exit(2);
        }
        SyntheticBook book = new SyntheticBook(Path.of(args[0]));
        long accounts = Long.parseLong(args[2]);
        int positions = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            book.write(out, accounts, positions, seed);
        }
    }
}
