package margo.dsl.registry;

import static margo.dsl.registry.ParameterSpec.required;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import margo.dsl.check.Kind;
import margo.dsl.registry.FunctionSpec.Implementation;

/**
 * The registry's text functions, true or false per row in {@code keep} and {@code set}: {@code starts_with},
 * {@code contains} and {@code matches}, beside {@code ==} and {@code !=} on text. They split a chain of several
 * underlyings or pick instruments by name.
 */
public final class TextEntries {

    private static final Set<Kind> TEXT = Set.of(Kind.TEXT);

    private TextEntries() {
    }

    static void declare(Registry registry) {
        registry.function(test("starts_with", "prefix", "the text it must begin with, e.g. \"BTC-\"",
                "Whether the text begins with the prefix (case matters).",
                "data chain = options(\"data/deribit-btc-sample.csv\") { keep starts_with(instrument, \"BTC-29MAR24\") }",
                prefix -> text -> text.startsWith(prefix)));
        registry.function(test("contains", "part", "the text it must hold, e.g. \"-29MAR24-\"",
                "Whether the text holds the part anywhere (case matters).",
                "data march = options(\"data/deribit-btc-sample.csv\") { keep contains(instrument, \"MAR24\") }",
                part -> text -> text.contains(part)));
        registry.function(test("matches", "pattern", "a Java regular expression, e.g. \"-(29MAR24|26APR24)-\"",
                "Whether the regular expression (java.util.regex) matches somewhere in the text; anchor it with ^ and"
                        + " $ to match the whole text. A pattern that is not a regular expression is an error at the"
                        + " character where it goes wrong.",
                "data calls = options(\"data/deribit-btc-sample.csv\") { keep matches(instrument, \"-C$\") }",
                pattern -> Pattern.compile(pattern).asPredicate()));
    }

    private static FunctionSpec test(String name, String argument, String argumentDoc, String summary, String example,
                                     Function<String, Predicate<String>> test) {
        return new FunctionSpec(name, List.of(
                required("text", TEXT, "text", "the text to test, e.g. the instrument or underlying column"),
                required(argument, TEXT, "text", argumentDoc)),
                false, Kind.BOOLEAN, "true or false", true, summary, example, new Implementation.TextTest(test));
    }

    /** Why {@code pattern} is not a regular expression, or null when it is one. */
    public static PatternProblem patternProblem(String pattern) {
        try {
            Pattern.compile(pattern);
            return null;
        } catch (PatternSyntaxException e) {
            return PatternProblem.of(e);
        }
    }

    /**
     * What is wrong with a regular expression, and where.
     *
     * @param index the 0-based index of the character where it goes wrong, the last one for a group or class left
     *              open; -1 when unknown
     */
    public record PatternProblem(String description, int index) {

        public static PatternProblem of(PatternSyntaxException e) {
            int last = e.getPattern().length() - 1;
            return new PatternProblem(e.getDescription(), e.getIndex() < 0 ? -1 : Math.min(e.getIndex(), last));
        }

        /** {@code Unclosed group at character 3}. */
        public String sentence() {
            return description + (index >= 0 ? " at character " + (index + 1) : "");
        }
    }
}
