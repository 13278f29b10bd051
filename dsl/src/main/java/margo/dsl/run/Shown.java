package margo.dsl.run;

import margo.dsl.value.Value;

/**
 * A value a statement displayed.
 *
 * @param line  the 1-based line of the statement
 * @param label the bound name, or the shown expression's source text ({@code chain}, {@code 1 + 2})
 */
public record Shown(int line, String label, Value value) {}
