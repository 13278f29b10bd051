package margo.dsl.value;

/**
 * A hedge after it ran: {@code let h = hedge(desk, "account") { ... }}.
 *
 * @param report the trades, the greeks and margin before and after, and how it was solved: what {@code show}
 *               displays
 * @param hedged the book with the trades added to the account's cross pool, for {@code hedged(h)}
 */
public record HedgeValue(ReportValue report, BookValue hedged) implements Value {

    public HedgeValue {
        if (report == null || hedged == null) {
            throw new IllegalArgumentException("report and hedged must not be null");
        }
    }

    @Override
    public String kind() {
        return "hedge";
    }
}
