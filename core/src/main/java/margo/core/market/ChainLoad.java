package margo.core.market;

import java.util.List;

/**
 * The result of loading an option-chain file: the chain of rows that passed validation, and every row that
 * did not, with its line (or JSON entry) and reason. No row is dropped without appearing in {@code problems}.
 *
 * @param chain    the valid rows
 * @param problems the rejected rows, in file order
 */
public record ChainLoad(OptionChain chain, List<RowProblem> problems) {

    public ChainLoad {
        if (chain == null) {
            throw new IllegalArgumentException("chain must not be null");
        }
        if (problems == null) {
            throw new IllegalArgumentException("problems must not be null");
        }
        problems = List.copyOf(problems);
    }
}
