package margo.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margo.dsl.registry.ModelFamily;
import margo.dsl.registry.Registry;
import margo.dsl.syntax.Token;
import margo.dsl.syntax.TokenType;
import margo.dsl.value.TableValue;
import margo.dsl.value.Value;

/**
 * Whose block a <code>{</code> opens, read from the tokens before it, and so what its clauses may be: the parameters
 * of a model family, the settings of a statement, a family or a solver (as the registry declares them under that
 * name), or the {@code keep} and {@code set} of a table, whose columns are then in scope.
 *
 * @param kind     what the block belongs to
 * @param settings the registry's name for the block's settings ({@code fit}, {@code portfolio_margin},
 *                 {@code bobyqa}, {@code show}); for a model, its family; null when none
 * @param table    the tokens of the table whose rows the block's expressions see ({@code options("x.csv")},
 *                 {@code chain}); empty when none
 */
record BlockOwner(Kind kind, String settings, List<Token> table) {

    enum Kind {
        /** {@code model N = FAMILY { ... }}: parameters and {@code require}. */
        MODEL,
        /** A statement, family or solver whose block holds settings. */
        SETTINGS,
        /** {@code data} or {@code let} of a table: {@code keep} and {@code set}. */
        TABLE,
        /** Anything else. */
        OTHER
    }

    /** The owner of the block that {@code head} (the tokens before its <code>{</code>) opens, inside {@code outer}. */
    static BlockOwner of(List<Token> head, BlockOwner outer, Registry registry) {
        List<String> words = new ArrayList<>();
        for (Token token : head) {
            words.add(token.is(TokenType.IDENTIFIER) ? token.lexeme() : token.is(TokenType.EQUAL) ? "=" : "");
        }
        String first = words.isEmpty() ? "" : words.getFirst();
        boolean binds = words.size() >= 4 && words.get(2).equals("=");
        String value = binds ? words.get(3) : "";
        if (outer != null && words.size() >= 2 && !registry.settings(words.get(1)).isEmpty()) {
            return new BlockOwner(Kind.SETTINGS, words.get(1), List.of());
        }
        return switch (first) {
            case "model" -> binds && registry.modelFamily(value).isPresent()
                    ? new BlockOwner(Kind.MODEL, value, List.of()) : other();
            case "fit" -> new BlockOwner(Kind.SETTINGS, "fit", after(head, "to"));
            case "rules" -> value.equals("calibrate") ? new BlockOwner(Kind.SETTINGS, "calibrate", List.of())
                    : binds ? new BlockOwner(Kind.SETTINGS, value, List.of()) : other();
            case "surface" -> binds ? new BlockOwner(Kind.SETTINGS, value, after(head, "=")) : other();
            case "show" -> new BlockOwner(Kind.SETTINGS, "show", head.subList(1, head.size()));
            case "data", "let" -> binds ? new BlockOwner(Kind.TABLE, null, after(head, "=")) : other();
            default -> other();
        };
    }

    private static BlockOwner other() {
        return new BlockOwner(Kind.OTHER, null, List.of());
    }

    /** The tokens after the first word {@code word} (or {@code =}) of {@code head}. */
    private static List<Token> after(List<Token> head, String word) {
        for (int i = 0; i < head.size(); i++) {
            Token token = head.get(i);
            if (token.isWord(word) || (word.equals("=") && token.is(TokenType.EQUAL))) {
                return head.subList(i + 1, head.size());
            }
        }
        return List.of();
    }

    /** The family of a model block, or null. */
    ModelFamily family(Registry registry) {
        return kind == Kind.MODEL ? registry.modelFamily(settings).orElse(null) : null;
    }

    /**
     * The columns of the table the block's expressions see: a table bound to the name the tokens start with, the
     * standard chain columns of {@code options(...)}, the columns of a built-in's result table; then the columns that
     * {@code set} clauses already written in the block add.
     */
    Set<String> columns(Registry registry, Map<String, Value> bindings, List<String> setInBlock) {
        Set<String> columns = new LinkedHashSet<>();
        if (!table.isEmpty() && table.getFirst().is(TokenType.IDENTIFIER)) {
            String name = table.getFirst().lexeme();
            boolean called = table.size() > 1 && table.get(1).is(TokenType.LEFT_PAREN);
            if (!called && bindings.get(name) instanceof TableValue bound) {
                columns.addAll(bound.table().columnNames());
            } else if (called && name.equals("options")) {
                registry.chainColumns().forEach(column -> columns.add(column.name()));
            } else if (called) {
                registry.resultSchema(name).ifPresent(schema -> columns.addAll(schema.names()));
            }
        }
        columns.addAll(setInBlock);
        return columns;
    }
}
