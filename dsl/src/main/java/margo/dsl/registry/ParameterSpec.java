package margo.dsl.registry;

import java.util.List;
import java.util.Set;
import margo.dsl.check.Kind;

/**
 * One parameter of a built-in function.
 *
 * @param name         the name, also used for a named argument ({@code options(path, as_of 2024-03-29T08:00Z)})
 * @param accepts      the kinds of value it takes
 * @param unit         the unit in words, e.g. {@code USD per unit of underlying} or {@code years (ACT/365)}
 * @param optional     whether it may be left out
 * @param defaultValue what a left-out argument means, in words; null when required
 * @param choices      the only text values allowed, lower case; empty when any value of an accepted kind goes
 * @param doc          what it means
 */
public record ParameterSpec(String name, Set<Kind> accepts, String unit, boolean optional, String defaultValue,
                            List<String> choices, String doc) {

    /** The unit of a parameter that names a file to read, relative to the recipe's folder. */
    static final String FILE_PATH = "file path";

    public ParameterSpec {
        accepts = Set.copyOf(accepts);
        choices = List.copyOf(choices);
    }

    static ParameterSpec required(String name, Set<Kind> accepts, String unit, String doc) {
        return new ParameterSpec(name, accepts, unit, false, null, List.of(), doc);
    }

    /** A required text parameter that takes only the given values, e.g. an option type. */
    static ParameterSpec requiredChoice(String name, String unit, List<String> choices, String doc) {
        return new ParameterSpec(name, Set.of(Kind.TEXT), unit, false, null, choices, doc);
    }

    static ParameterSpec optional(String name, Set<Kind> accepts, String unit, String defaultValue,
                                  List<String> choices, String doc) {
        return new ParameterSpec(name, accepts, unit, true, defaultValue, choices, doc);
    }

    /** Whether the parameter names a file to read ({@code options(path)}), whose value completes as a path. */
    public boolean isFilePath() {
        return unit.equals(FILE_PATH);
    }

    /** {@code a number or a duration}: the accepted kinds in words, for messages. */
    public String acceptsInWords() {
        return accepts.stream().sorted().map(Kind::withArticle).reduce((a, b) -> a + " or " + b).orElse("nothing");
    }
}
