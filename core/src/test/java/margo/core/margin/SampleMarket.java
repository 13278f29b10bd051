package margo.core.margin;

import java.nio.file.Files;
import java.nio.file.Path;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChains;

/** The shipped Deribit BTC sample (valuation 2024-03-01T08:00Z, index 61,000) and book, loaded once. */
public final class SampleMarket {

    public static final double INDEX = 61_000;
    public static final MarketSnapshot MARKET;
    public static final PositionPricer PRICER;

    static {
        try {
            MARKET = MarketSnapshot.fromChain(OptionChains.load(data("deribit-btc-sample.csv"), LoadOptions.DEFAULTS)
                    .chain(), INDEX);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        PRICER = new Black76PositionPricer(MARKET);
    }

    private SampleMarket() {
    }

    public static Path data(String name) {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("examples")) ? here : here.getParent();
        return root.resolve("examples/data").resolve(name);
    }

    public static Book book() {
        try {
            BookLoad load = BookCsv.load(data("book.csv"), PRICER);
            if (!load.problems().isEmpty()) {
                throw new IllegalStateException("book.csv has problems: " + load.problems());
            }
            return load.book();
        } catch (BookFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
