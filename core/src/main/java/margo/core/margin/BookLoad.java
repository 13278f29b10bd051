package margo.core.margin;

import java.util.List;
import margo.core.market.RowProblem;

/**
 * A loaded book and every row left out of it, with the reason.
 *
 * @param book     the accounts built from the valid rows
 * @param problems one entry per rejected row (line number and reason), in file order
 * @param warnings rows that were kept but look like a mistake, such as a row repeated exactly, in file order
 */
public record BookLoad(Book book, List<RowProblem> problems, List<RowProblem> warnings) {

    public BookLoad {
        if (book == null || problems == null || warnings == null) {
            throw new IllegalArgumentException("book, problems and warnings must not be null");
        }
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
