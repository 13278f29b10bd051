package margo.core.market;

import java.util.List;

/**
 * The result of loading an option-chain file: the chain of rows that passed validation, and every row that
 * did not, with its line (or JSON entry) and reason. No row is dropped without appearing in {@code problems}.
 *
 * @param chain    the valid rows
 * @param problems the rejected rows, in file order
 * @param warnings rows kept with something set aside, in file order: a timestamp far from the others (not used
 *                 for the valuation time), an implied volatility in the other unit (ignored)
 * @param notes    what was decided for the whole file, each once: the implied-volatility unit and its evidence,
 *                 a timestamp unit other than the documented one, several underlyings
 */
public record ChainLoad(OptionChain chain, List<RowProblem> problems, List<RowProblem> warnings, List<String> notes) {

    public ChainLoad {
        if (chain == null) {
            throw new IllegalArgumentException("chain must not be null");
        }
        if (problems == null) {
            throw new IllegalArgumentException("problems must not be null");
        }
        problems = List.copyOf(problems);
        if (warnings == null || notes == null) {
            throw new IllegalArgumentException("warnings and notes must not be null");
        }
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }
}
