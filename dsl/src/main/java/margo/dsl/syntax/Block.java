package margo.dsl.syntax;

import java.util.List;

/** A {@code { ... }} block of clauses; a statement written without one has an empty block. */
public record Block(List<Clause> clauses, Span span) {

    public static Block empty(Span at) {
        return new Block(List.of(), at);
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }
}
