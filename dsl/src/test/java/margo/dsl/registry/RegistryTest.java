package margo.dsl.registry;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margo.dsl.check.Kind;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import org.junit.jupiter.api.Test;

class RegistryTest {

    private final Registry registry = Registry.standard();

    /** Every example in the registry, with what it documents. */
    private List<String[]> examples() {
        List<String[]> examples = new ArrayList<>();
        registry.functions().forEach(f -> examples.add(new String[] {f.name(), f.example()}));
        registry.statements().forEach(s -> examples.add(new String[] {s.syntax(), s.example()}));
        registry.clauses().forEach(c -> examples.add(new String[] {c.syntax(), c.example()}));
        for (StatementSpec statement : registry.statements()) {
            registry.settings(statement.keyword()).forEach(s -> examples.add(new String[] {s.name(), s.example()}));
        }
        for (FamilySpec family : registry.families()) {
            examples.add(new String[] {family.name(), family.example()});
            registry.settings(family.name()).forEach(s -> examples.add(new String[] {family.name() + " " + s.name(),
                    s.example()}));
        }
        registry.notes().forEach(n -> examples.add(new String[] {n.title(), n.example()}));
        registry.modelFamilies().forEach(f -> examples.add(new String[] {f.name(), f.example()}));
        registry.scenarioAggregates().forEach(a -> examples.add(new String[] {a.name(), a.example()}));
        return examples;
    }

    @Test
    void everyDocumentedExampleChecksAndRunsCleanlyAgainstTheExampleData() {
        for (String[] example : examples()) {
            SourceFile source = new SourceFile(example[0] + " example", example[1]);
            Session session = new Session(Path.of("../examples"));
            Execution checked = session.check(source, Mode.RECIPE);
            assertEquals(List.of(), located(checked.diagnostics()), example[0] + ":\n" + example[1]);
            if (ProofEntries.FUNCTIONS.stream().anyMatch(proof -> example[1].contains(proof + "("))) {
                continue; // runs in the zk module's tests, where the prover is installed (ProofExamplesTest)
            }
            if (example[1].contains("\nexport ")) {
                continue; // would write into examples/; ExportTest runs exports in a folder of its own
            }
            Execution ran = session.run(source, Mode.RECIPE);
            assertFalse(ran.hasErrors(), () -> example[0] + ": " + located(ran.diagnostics()));
        }
    }

    @Test
    void everyFunctionHasADocAUnitAndParametersWithUnits() {
        for (FunctionSpec function : registry.functions()) {
            assertFalse(function.summary().isBlank(), function.name());
            assertFalse(function.returnUnit().isBlank(), function.name());
            function.parameters().forEach(p -> assertFalse(p.unit().isBlank(), function.name() + "." + p.name()));
        }
    }

    @Test
    void theChainColumnsComeFromCoresCatalogueWithTimesToExpiryAsDurations() {
        assertEquals(margo.core.market.ChainColumn.values().length, registry.chainColumns().size());
        assertEquals(Kind.INSTANT, registry.chainColumn("expiry").orElseThrow().kind());
        assertEquals(Kind.DURATION, registry.chainColumn("time_to_expiry").orElseThrow().kind());
        assertEquals(Kind.NUMBER, registry.chainColumn("mid_iv").orElseThrow().kind());
        assertEquals(Kind.TEXT, registry.chainColumn("type").orElseThrow().kind());
    }

    @Test
    void namesByPrefixServeCompletion() {
        assertEquals(List.of("implied_vol", "initial", "initial_radius", "initial_to_maintenance", "instrument"),
                registry.namesWithPrefix("i"));
        assertEquals(List.of("heston"), registry.namesWithPrefix("hes"));
        assertTrue(registry.namesWithPrefix("").containsAll(List.of("black", "data", "show", "rows", "columns", "mid_iv",
                "rules", "portfolio_margin", "price_range", "margin", "svi", "arbitrage_free", "custom", "worst_loss")));
    }

    @Test
    void theScenarioAggregatesMeasureTheBooksScenarioPnl() {
        double[] pnl = {-3, -1, 2, 0};
        double[] expected = {3, 4, 1, 2, 2, 4};  // worst and gross loss, mean loss, the worst half's mean loss...
        List<String> names = List.of("worst_loss", "gross_loss", "mean_loss", "expected_shortfall", "worst_gain",
                "scenarios");
        for (int i = 0; i < names.size(); i++) {
            assertEquals(expected[i], registry.scenarioAggregate(names.get(i)).orElseThrow().measure().of(pnl, 0.5), 0,
                    names.get(i));
        }
        assertEquals(names, registry.scenarioAggregates().stream().map(a -> a.name()).toList());
        var shortfall = registry.scenarioAggregate("expected_shortfall").orElseThrow().measure();
        assertEquals(3, shortfall.of(pnl, 0.01), 0);          // never fewer than one scenario
        assertEquals(4.0 / 3, shortfall.of(pnl, 0.6), 1e-15);  // 0.6 x 4 rounds up to three
        assertEquals(0, registry.scenarioAggregate("worst_loss").orElseThrow().measure().of(new double[] {1, 2}, 1), 0);
    }

    @Test
    void signaturesShowOptionalAndRepeatedParameters() {
        assertEquals("options(path, format?, as_of?, iv_unit?, layout?, instrument?, underlying?, expiry?, strike?, type?,"
                + " bid?, ask?, mark?, forward?, bid_iv?, ask_iv?, mark_iv?, open_interest?, timestamp?)",
                registry.function("options").orElseThrow().signature());
        assertEquals("max(a, b, ...)", registry.function("max").orElseThrow().signature());
    }

    @Test
    void documentationDescribesOneNameOrNothing() {
        Documentation documentation = new Documentation(registry);
        assertTrue(documentation.describe("mid_iv").orElseThrow().contains("decimal, annualised"));
        assertTrue(documentation.describe("expiry").orElseThrow().contains("`expiry >= 2d` holds when the option expires"));
        assertTrue(documentation.describe("rows").orElseThrow().startsWith("### show { rows ... }"));
        assertTrue(documentation.describe("no_such_thing").isEmpty());
        assertTrue(documentation.describe("heston").orElseThrow().contains("| `kappa` | per year | [0.0100, 200] | 3 |"),
                documentation.describe("heston").orElseThrow());
        assertTrue(documentation.describe("worst_loss").orElseThrow().startsWith("### worst_loss (scenario aggregate)"));
        assertTrue(documentation.all().contains("## Scenario aggregates"));
        assertTrue(documentation.describe("initial_radius").orElseThrow().startsWith("### bobyqa { initial_radius"));
    }
}
