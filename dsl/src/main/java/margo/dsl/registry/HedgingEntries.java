package margo.dsl.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margo.core.hedging.Greek;
import margo.dsl.check.Kind;
import margo.dsl.check.TableSchema;
import margo.dsl.registry.FunctionSpec.Implementation;

/**
 * The registry's entries for hedging: the built-in {@code greeks} and the columns of its table. The user's guide is
 * {@code docs/hedging.md}.
 */
final class HedgingEntries {

    private final Registry registry;

    private HedgingEntries(Registry registry) {
        this.registry = registry;
    }

    static void declare(Registry registry) {
        new HedgingEntries(registry).greeks();
    }

    private void greeks() {
        StringBuilder units = new StringBuilder();
        for (Greek greek : Greek.values()) {
            units.append(units.isEmpty() ? "" : "; ").append(greek.columnName()).append(" in ").append(greek.unit());
        }
        registry.function(new FunctionSpec("greeks", List.of(MarketEntries.BOOK_PARAMETER,
                MarketEntries.PRICED_BY_PARAMETER), false, Kind.TABLE, "table", false,
                "The greeks of every account and margin group, by expiry (perpetual and coin collateral in buckets of"
                        + " their own) and in total: the sensitivities of the group's USD equity to every price"
                        + " moving together, every implied vol shifting and calendar time passing, each option by"
                        + " Black-76 at its implied vol (the mark IV, or the model's with priced_by; sticky strike)."
                        + " Columns: " + units + ". `plot greeks(desk)` draws them by days to expiry.",
                MarketEntries.BOOK + "show greeks(desk)\nplot greeks(desk)", new Implementation.Core()));
        Map<String, Kind> columns = new LinkedHashMap<>();
        for (String text : List.of("account", "group", "expiry")) {
            columns.put(text, Kind.TEXT);
        }
        for (Greek greek : Greek.values()) {
            columns.put(greek.columnName(), Kind.NUMBER);
        }
        registry.resultSchema("greeks", TableSchema.of(columns, false));
    }
}
