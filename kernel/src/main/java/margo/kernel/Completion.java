package margo.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import margo.dsl.registry.FamilySpec;
import margo.dsl.registry.FunctionSpec;
import margo.dsl.registry.ModelFamily;
import margo.dsl.registry.ParameterSpec;
import margo.dsl.registry.Registry;
import margo.dsl.registry.StatementSpec;
import margo.dsl.syntax.Parser;
import margo.dsl.syntax.Token;
import margo.dsl.syntax.TokenType;
import margo.dsl.value.Value;

/**
 * What Tab offers at the cursor, by where it stands ({@link CursorContext}), every name from the one {@link Registry}
 * or the session's bindings:
 * <ul>
 * <li>in the path string of a loader ({@code options(}, {@code history(}, {@code positions(}: a parameter whose unit
 * is a file path), the files and folders there, relative to the notebook's folder; in the string of a parameter with
 * fixed choices ({@code "call"}), those; in any other string or a comment, nothing;
 * <li>at the start of a clause of a model block, the family's parameters and {@code require}; of a block with
 * settings (fit, a rules or surface family, a solver's {@code method}, {@code show}), its settings; of a table's
 * block, {@code keep} and {@code set}; after a setting with fixed choices, those;
 * <li>in an expression that runs row by row (a table's block, a fit's {@code weight}), the table's columns first;
 * inside {@code columns [...]} of {@code show}, the shown table's columns only;
 * <li>after {@code model N =}, {@code rules N =} or {@code surface N =}, the families; at the start of a statement,
 * the statement keywords too; in a call, its parameters that are written by name;
 * <li>elsewhere the names bound so far, then the built-in functions.
 * </ul>
 */
final class Completion {

    /** At most this many files are listed from one folder. */
    private static final int MAX_FILES = 200;

    private final Registry registry;
    private final Path folder;

    Completion(Registry registry, Path folder) {
        this.registry = registry;
        this.folder = folder;
    }

    /**
     * The matches at {@code cursor} (a UTF-16 index) and the stretch they replace.
     *
     * @param start where the replaced text starts (a UTF-16 index); it ends at the cursor
     */
    record Matches(List<String> matches, int start) {}

    Matches at(String code, int cursor, Map<String, Value> bindings) {
        CursorContext context = CursorContext.at(code, cursor);
        if (context.comment()) {
            return new Matches(List.of(), cursor);
        }
        if (context.string() != null) {
            return inString(context, cursor);
        }
        Word word = Word.endingAt(code, cursor);
        Set<String> names = new LinkedHashSet<>();
        offer(context, bindings, names);
        List<String> matches = names.stream().filter(name -> name.startsWith(word.text())).toList();
        return new Matches(matches, word.start());
    }

    private void offer(CursorContext context, Map<String, Value> bindings, Set<String> names) {
        CursorContext.Open innermost = context.innermost();
        BlockOwner owner = owner(context);
        if (innermost != null && innermost.bracket() == TokenType.LEFT_BRACKET && owner != null
                && owner.settings() != null && owner.settings().equals("show") && startsWith(innermost.head(), "columns")) {
            names.addAll(owner.columns(registry, bindings, List.of()));
            return;
        }
        if (innermost != null && innermost.isBlock()) {
            inBlock(context, owner, bindings, names);
            return;
        }
        CursorContext.Open call = context.call();
        if (call != null && context.beginsUnit()) {
            registry.function(call.callee()).ifPresent(function -> function.parameters().stream()
                    .filter(ParameterSpec::optional).forEach(parameter -> names.add(parameter.name())));
        }
        if (innermost == null) {
            atTopLevel(context, names);
        }
        if (owner != null && owner.kind() != BlockOwner.Kind.OTHER) {
            rowNames(context, owner, bindings, names);
        }
        expressionNames(bindings, names);
    }

    /** A clause's first word: what the block takes; after it, the setting's choices or an expression's names. */
    private void inBlock(CursorContext context, BlockOwner owner, Map<String, Value> bindings, Set<String> names) {
        ModelFamily family = owner.family(registry);
        if (context.beginsUnit()) {
            switch (owner.kind()) {
                case MODEL -> {
                    names.addAll(family.parameterNames());
                    names.add("require");
                }
                case SETTINGS -> registry.settings(owner.settings()).forEach(setting -> names.add(setting.name()));
                case TABLE -> registry.clauses().stream().map(StatementSpec::keyword)
                        .filter(keyword -> !keyword.equals("require")).forEach(names::add);
                case OTHER -> { }
            }
            return;
        }
        Token clause = context.unit().getFirst();
        if (owner.kind() == BlockOwner.Kind.SETTINGS && context.unit().size() == 1 && clause.is(TokenType.IDENTIFIER)) {
            List<String> choices = choices(owner.settings(), clause.lexeme());
            if (!choices.isEmpty()) {
                names.addAll(choices);
                return;
            }
        }
        if (family != null) {
            names.addAll(family.parameterNames());
        }
        rowNames(context, owner, bindings, names);
        expressionNames(bindings, names);
    }

    /** The columns of the table whose rows the expression sees, when it is in a table's block or a fit's. */
    private void rowNames(CursorContext context, BlockOwner owner, Map<String, Value> bindings, Set<String> names) {
        if (owner.kind() == BlockOwner.Kind.TABLE || (owner.settings() != null && owner.settings().equals("fit"))) {
            names.addAll(owner.columns(registry, bindings, setColumns(context.statement())));
        }
        if (owner.settings() != null && owner.settings().equals("custom")) {
            registry.scenarioAggregates().forEach(aggregate -> names.add(aggregate.name()));
        }
    }

    /** The words a setting takes ({@code method bobyqa}); empty for any value. */
    List<String> choices(String owner, String setting) {
        List<String> choices = registry.settingChoices(owner, setting);
        if (!choices.isEmpty() || !owner.equals("fit")) {
            return choices;
        }
        return switch (setting) {
            case "method" -> Registry.SOLVERS;
            case "target" -> Registry.TARGETS;
            default -> List.of();
        };
    }

    /** At the top level: a family after {@code model N =} and the like, the keywords at the start of a statement. */
    private void atTopLevel(CursorContext context, Set<String> names) {
        List<Token> statement = context.statement();
        if (statement.isEmpty()) {
            new TreeSet<>(Parser.STATEMENT_KEYWORDS).forEach(names::add);
            return;
        }
        if (statement.size() == 3 && statement.get(2).is(TokenType.EQUAL)) {
            switch (context.statementWord()) {
                case "model" -> registry.modelFamilies().forEach(family -> names.add(family.name()));
                case "rules" -> {
                    registry.families("rules").stream().map(FamilySpec::name).forEach(names::add);
                    names.add("calibrate");
                }
                case "surface" -> registry.families("surface").stream().map(FamilySpec::name).forEach(names::add);
                case "fit" -> names.add("calibrate");
                default -> { }
            }
        }
    }

    /** The names bound so far, sorted, then the built-in functions. */
    private void expressionNames(Map<String, Value> bindings, Set<String> names) {
        new TreeSet<>(bindings.keySet()).forEach(names::add);
        registry.functions().stream().map(FunctionSpec::name).sorted().forEach(names::add);
    }

    /** The owner of the innermost block around the cursor (through the blocks around it), or null outside blocks. */
    BlockOwner owner(CursorContext context) {
        BlockOwner owner = null;
        for (int i = context.open().size() - 1; i >= 0; i--) {
            CursorContext.Open bracket = context.open().get(i);
            if (bracket.isBlock()) {
                owner = BlockOwner.of(bracket.head(), owner, registry);
            }
        }
        return owner;
    }

    /** Inside a string: file paths for a loader's path, the choices of a parameter that has them, else nothing. */
    private Matches inString(CursorContext context, int cursor) {
        CursorContext.Open call = context.call();
        ParameterSpec parameter = call == null ? null : parameter(call, context);
        if (parameter == null) {
            return new Matches(List.of(), cursor);
        }
        String typed = context.string();
        if (parameter.isFilePath()) {
            return new Matches(files(typed), context.stringStart());
        }
        return new Matches(parameter.choices().stream().filter(choice -> choice.startsWith(typed)).toList(),
                context.stringStart());
    }

    /** The parameter of the call's function that the argument at the cursor binds: by name, else by position. */
    ParameterSpec parameter(CursorContext.Open call, CursorContext context) {
        FunctionSpec function = registry.function(call.callee()).orElse(null);
        if (function == null) {
            return null;
        }
        List<Token> unit = context.unit();
        boolean named = unit.size() == 1 || (unit.size() == 2 && unit.get(1).is(TokenType.EQUAL));
        if (named && unit.getFirst().is(TokenType.IDENTIFIER)) {
            for (ParameterSpec parameter : function.parameters()) {
                if (parameter.name().equals(unit.getFirst().lexeme())) {
                    return parameter;
                }
            }
        }
        return call.argument() < function.parameters().size() || function.variadic()
                ? function.parameterAt(call.argument()) : null;
    }

    /** The files and folders (with a trailing {@code /}) whose path starts with {@code typed}, from the notebook's folder. */
    private List<String> files(String typed) {
        int slash = typed.lastIndexOf('/');
        String directory = slash < 0 ? "" : typed.substring(0, slash + 1);
        String start = typed.substring(slash + 1);
        Path listed;
        try {
            listed = folder.resolve(directory.isEmpty() ? "." : directory);
        } catch (java.nio.file.InvalidPathException invalid) {
            return List.of();
        }
        TreeSet<String> found = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(start) && (start.startsWith(".") || !name.startsWith(".")) && found.size() < MAX_FILES) {
                    found.add(directory + name + (Files.isDirectory(entry) ? "/" : ""));
                }
            }
        } catch (IOException | SecurityException unreadable) {
            return List.of();
        }
        return new ArrayList<>(found);
    }

    /** The columns the {@code set COLUMN =} clauses of the statement so far add. */
    private static List<String> setColumns(List<Token> statement) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i + 2 < statement.size(); i++) {
            if (statement.get(i).isWord("set") && statement.get(i + 1).is(TokenType.IDENTIFIER)
                    && statement.get(i + 2).is(TokenType.EQUAL)) {
                columns.add(statement.get(i + 1).lexeme());
            }
        }
        return columns;
    }

    private static boolean startsWith(List<Token> tokens, String word) {
        return !tokens.isEmpty() && tokens.getFirst().isWord(word);
    }
}
