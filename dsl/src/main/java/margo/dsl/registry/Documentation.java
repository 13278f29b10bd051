package margo.dsl.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import margo.dsl.check.Kind;
import margo.dsl.output.Cells;

/**
 * The registry as reading matter: the whole reference for {@code margo docs}, and one entry by name for
 * {@code margo docs NAME} and the kernel's inspection. Markdown that also reads well as plain text.
 */
public final class Documentation {

    private final Registry registry;

    public Documentation(Registry registry) {
        this.registry = registry;
    }

    /** Every statement, clause, function, setting, scenario aggregate, chain column and note. */
    public String all() {
        StringBuilder out = new StringBuilder("# Margo language reference\n\n## Statements\n\n");
        registry.statements().forEach(statement -> out.append(statement(statement)).append('\n'));
        out.append("## Clauses\n\n");
        registry.clauses().forEach(clause -> out.append(clause(clause)).append('\n'));
        out.append("## Functions\n\n");
        registry.functions().forEach(function -> out.append(function(function)).append('\n'));
        out.append("## Settings\n\n");
        for (StatementSpec statement : registry.statements()) {
            registry.settings(statement.keyword()).forEach(setting -> out.append(setting(setting)).append('\n'));
        }
        out.append("## Families\n\n");
        for (FamilySpec family : registry.families()) {
            out.append(family(family)).append('\n');
            registry.settings(family.name()).forEach(setting -> out.append(setting(setting)).append('\n'));
        }
        for (String solver : Registry.SOLVERS) {
            registry.settings(solver).forEach(setting -> out.append(setting(setting)).append('\n'));
        }
        out.append("## Scenario aggregates\n\nThe names in scope in the formulas of a `custom` rules block"
                + " (`initial = E`, `maintenance = E`), each computed from the book's P&L in every scenario.\n\n");
        registry.scenarioAggregates().forEach(aggregate -> out.append(aggregate(aggregate)).append('\n'));
        out.append("## Model families\n\n");
        registry.modelFamilies().forEach(family -> out.append(family(family)).append('\n'));
        out.append("## Option chain columns\n\nThe columns of a table loaded by `options(...)`, in scope inside `keep`,"
                + " `set` and `show columns`.\n\n");
        registry.chainColumns().forEach(column -> out.append(columnLine(column)));
        out.append('\n');
        registry.notes().forEach(note -> out.append(note(note)).append('\n'));
        return out.toString().stripTrailing() + "\n";
    }

    /** The entry for a function, statement or clause keyword, setting or chain column named {@code name}. */
    public Optional<String> describe(String name) {
        List<String> entries = new ArrayList<>();
        registry.function(name).ifPresent(function -> entries.add(function(function)));
        if (!name.isEmpty()) {
            registry.statement(name).ifPresent(statement -> entries.add(statement(statement)));
        }
        registry.clause(name).ifPresent(clause -> entries.add(clause(clause)));
        for (StatementSpec statement : registry.statements()) {
            registry.setting(statement.keyword(), name).ifPresent(setting -> entries.add(setting(setting)));
        }
        registry.family(name).ifPresent(family -> entries.add(family(family)));
        for (FamilySpec family : registry.families()) {
            registry.setting(family.name(), name).ifPresent(setting -> entries.add(setting(setting)));
        }
        for (String solver : Registry.SOLVERS) {
            registry.setting(solver, name).ifPresent(setting -> entries.add(setting(setting)));
        }
        registry.modelFamily(name).ifPresent(family -> entries.add(family(family)));
        registry.scenarioAggregate(name).ifPresent(aggregate -> entries.add(aggregate(aggregate)));
        registry.chainColumn(name).ifPresent(column -> entries.add("### " + column.name() + " (chain column)\n\n"
                + column.description() + ".\n\nKind: " + column.kind().word() + "; unit: " + column.unit() + ".\n"
                + (column.kind() == Kind.INSTANT ? "\n" + timeRemaining() : "")));
        return entries.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", entries));
    }

    /** Every name {@link #describe} knows, for suggestions. */
    public List<String> names() {
        return registry.namesWithPrefix("");
    }

    private static String statement(StatementSpec statement) {
        String title = statement.keyword().isEmpty() ? "bare expression" : statement.keyword();
        return "### " + title + "\n\n    " + statement.syntax() + "\n\n" + statement.doc() + "\n\n" + example(statement.example());
    }

    private static String clause(StatementSpec clause) {
        return "### " + clause.keyword() + " (clause)\n\n    " + clause.syntax() + "\n\n" + clause.doc() + "\n\n"
                + example(clause.example());
    }

    private String family(FamilySpec family) {
        List<String> settings = registry.settings(family.name()).stream().map(SettingSpec::name).toList();
        return "### " + family.statement() + " family " + family.name() + "\n\n" + family.doc() + "\n\nSettings: "
                + (settings.isEmpty() ? "none" : String.join(", ", settings)) + ".\n\n" + example(family.example());
    }

    private static String function(FunctionSpec function) {
        String returns = function.returns() == null ? "the kind of its arguments" : function.returns().word();
        StringBuilder out = new StringBuilder("### ").append(function.signature()).append(" -> ")
                .append(withUnit(returns, function.returnUnit())).append("\n\n").append(function.summary()).append("\n\n");
        for (ParameterSpec parameter : function.parameters()) {
            out.append(parameterLine(parameter));
        }
        if (function.variadic()) {
            out.append("- more arguments like `").append(function.parameters().getLast().name()).append("` may follow\n");
        }
        out.append(function.inRows() ? "\nWorks in `keep` and `set`, once per row.\n"
                : "\nNot usable inside `keep` or `set`.\n");
        return out.append('\n').append(example(function.example())).toString();
    }

    /** A function's parameter as its entry lists it: {@code - `strike` (a number, USD per unit of underlying): the strike K}. */
    public static String parameterLine(ParameterSpec parameter) {
        return "- `" + parameter.name() + "` (" + withUnit(parameter.acceptsInWords(), parameter.unit()) + "): "
                + parameter.doc() + (parameter.optional() ? " (optional; default: " + parameter.defaultValue() + ")" : "")
                + "\n";
    }

    /** The entry of one function, as {@code margo docs NAME} shows it among the others of that name. */
    public String entry(FunctionSpec function) {
        return function(function);
    }

    /** The entry of one setting of one statement, family or solver. */
    public String entry(SettingSpec setting) {
        return setting(setting);
    }

    /** The entry of a statement, or of a clause ({@code keep}). */
    public String entry(StatementSpec statement) {
        return registry.clause(statement.keyword()).filter(statement::equals).isPresent() ? clause(statement) : statement(statement);
    }

    /** One parameter of a model family: its meaning, unit, default bounds and start. */
    public String entry(ModelFamily family, ModelFamily.Parameter parameter) {
        return "### " + parameter.name() + " (parameter of " + family.name() + ")\n\n" + parameter.doc() + ".\n\nUnit: "
                + parameter.unit() + "; default bounds [" + Cells.number(parameter.lower()) + ", "
                + Cells.number(parameter.upper()) + "], default start " + Cells.number(parameter.start()) + ".\n\n"
                + example(family.example());
    }

    /** {@code number, USD per unit of underlying}; the unit left out where it only repeats the kind. */
    private static String withUnit(String kind, String unit) {
        return kind.endsWith(unit) ? kind : kind + ", " + unit;
    }

    private static String setting(SettingSpec setting) {
        return "### " + setting.statement() + " { " + setting.name() + " ... }\n\n" + setting.doc() + "\n\nTakes "
                + setting.accepts().withArticle() + " (" + setting.unit() + "); default: " + setting.defaultValue()
                + ".\n\n" + example(setting.example());
    }

    /** A model family: what it is, a table of its parameters with their defaults, an example. */
    private static String family(ModelFamily family) {
        StringBuilder out = new StringBuilder("### ").append(family.name()).append(" (model family)\n\n")
                .append(family.summary()).append("\n\n| parameter | unit | default bounds | default start | meaning |\n")
                .append("|---|---|---|---|---|\n");
        for (ModelFamily.Parameter p : family.parameters()) {
            out.append("| `").append(p.name()).append("` | ").append(p.unit()).append(" | [")
                    .append(Cells.number(p.lower())).append(", ").append(Cells.number(p.upper())).append("] | ")
                    .append(Cells.number(p.start())).append(" | ").append(p.doc()).append(" |\n");
        }
        return out.append('\n').append(example(family.example())).toString();
    }

    private static String aggregate(ScenarioAggregate aggregate) {
        return "### " + aggregate.name() + " (scenario aggregate)\n\n" + aggregate.doc() + "\n\nUnit: "
                + aggregate.unit() + ".\n\n" + example(aggregate.example());
    }

    private static String columnLine(ColumnSpec column) {
        return "- `" + column.name() + "` (" + column.kind().word() + ", " + column.unit() + "): "
                + column.description() + "\n";
    }

    /** The note on comparing instants with durations, for the entries of instant columns. */
    private String timeRemaining() {
        return registry.notes().stream().filter(note -> note.title().equals(Registry.TIME_REMAINING)).findFirst()
                .map(Documentation::note).orElseThrow();
    }

    private static String note(Note note) {
        return "## " + note.title() + "\n\n" + note.text() + "\n\n" + example(note.example());
    }

    /** An entry (or several) without the examples, the short form the kernel shows at a glance. */
    public static String withoutExamples(String entries) {
        return EXAMPLE.matcher(entries).replaceAll("").stripTrailing() + "\n";
    }

    /** What {@link #example} writes: the heading and the indented lines after it. */
    private static final java.util.regex.Pattern EXAMPLE = java.util.regex.Pattern.compile("(?m)^Example:\n\n(    .*(\n|$))+\n?");

    private static String example(String example) {
        return "Example:\n\n" + example.lines().map(line -> "    " + line + "\n").reduce("", String::concat);
    }
}
