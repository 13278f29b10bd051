package margo.dsl.registry;

/**
 * A statement form the language runs.
 *
 * @param keyword the word it starts with; empty for a bare expression
 * @param syntax  its shape, e.g. {@code data N = EXPR { keep E; set COL = E }}
 * @param example a recipe fragment that checks cleanly
 */
public record StatementSpec(String keyword, String syntax, String doc, String example) {}
