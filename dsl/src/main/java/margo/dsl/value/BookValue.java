package margo.dsl.value;

import java.util.function.Supplier;
import margo.core.margin.Book;
import margo.core.margin.MarketSnapshot;
import margo.core.margin.PositionPricer;
import margo.core.market.OptionChain;
import margo.dsl.engine.BookParts;

/**
 * Positions by account, bound by {@code book N = positions(PATH, market CHAIN)}, with the market they are valued
 * in: a book is always margined against the chain it was loaded with. Under a distributed engine the book is held in
 * {@link #parts()} by the engine, and gathered whole into this JVM only when a statement that is not run per account
 * (a what-if, a figure, a hedge) asks for {@link #book()}.
 */
public final class BookValue implements TabulatedValue {

    private final Supplier<Book> book;
    private final MarketSnapshot market;
    private final PositionPricer pricer;
    private final Supplier<TableValue> display;
    private final OptionChain chain;
    private final BookParts parts;

    /**
     * @param book    the accounts, their margin groups, positions and collateral
     * @param market  the market chain's index, forwards and mark IVs at its valuation time
     * @param pricer  Black-76 in {@code market}; {@code priced_by} replaces it for one call
     * @param display one row per position or collateral holding
     * @param chain   the market chain the book was loaded with, whose bids and asks a hedge trades at
     */
    public BookValue(Book book, MarketSnapshot market, PositionPricer pricer, TableValue display, OptionChain chain) {
        this(() -> book, market, pricer, () -> display, chain, null);
        if (book == null || display == null) {
            throw new IllegalArgumentException("book and display must not be null");
        }
    }

    /**
     * A book an engine holds in parts; {@code book} and {@code display} read it whole, once, when first asked.
     *
     * @param parts the engine's parts, with the recipe's adjustments; null for a book read whole
     */
    public BookValue(Supplier<Book> book, MarketSnapshot market, PositionPricer pricer, Supplier<TableValue> display,
                     OptionChain chain, BookParts parts) {
        if (book == null || market == null || pricer == null || display == null || chain == null) {
            throw new IllegalArgumentException("book, market, pricer, display and chain must not be null");
        }
        this.book = memoized(book);
        this.market = market;
        this.pricer = pricer;
        this.display = memoized(display);
        this.chain = chain;
        this.parts = parts;
    }

    /** The accounts, their margin groups, positions and collateral; under an engine, gathered from its parts on first use. */
    public Book book() {
        return book.get();
    }

    public MarketSnapshot market() {
        return market;
    }

    public PositionPricer pricer() {
        return pricer;
    }

    @Override
    public TableValue display() {
        return display.get();
    }

    public OptionChain chain() {
        return chain;
    }

    /** The engine's parts of the book, or null when the book was read whole in this JVM. */
    public BookParts parts() {
        return parts;
    }

    @Override
    public String kind() {
        return "book";
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
