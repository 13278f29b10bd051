package margo.dsl.registry;

/**
 * A family a statement chooses from, e.g. {@code portfolio_margin} for {@code rules} or {@code svi} for
 * {@code surface}: its own settings are declared under its name ({@code settings("portfolio_margin")}).
 *
 * @param statement the statement keyword, {@code rules} or {@code surface}
 * @param name      the family as written in recipes
 * @param example   a recipe fragment that checks and runs cleanly against the example data
 */
public record FamilySpec(String statement, String name, String doc, String example) {}
