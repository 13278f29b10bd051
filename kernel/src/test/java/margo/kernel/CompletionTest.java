package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import margo.dsl.registry.Registry;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion by where the cursor stands; {@code |} marks the cursor in each cell. The names expected come from the
 * registry, as the kernel's do, so that a setting added there is offered without a change here.
 */
class CompletionTest {

    private final Registry registry = Registry.standard();
    @TempDir
    Path folder;
    private Completion completion;
    private Map<String, Value> bindings = Map.of();

    @BeforeEach
    void aNotebookFolderWithData() throws IOException {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/deribit-btc-sample.csv"), "");
        Files.writeString(folder.resolve("data/btc-usd-daily.csv"), "");
        Files.writeString(folder.resolve("notes.md"), "");
        Files.writeString(folder.resolve(".hidden"), "");
        completion = new Completion(registry, folder);
    }

    @Test
    void aLoadersPathStringCompletesFilesAndFoldersFromTheNotebooksFolder() {
        assertEquals(List.of("data/", "notes.md"), complete("data chain = options(\"|"), "not the hidden file");
        assertEquals(List.of("data/deribit-btc-sample.csv"), complete("data chain = options(\"data/de|"));
        assertEquals(List.of("data/btc-usd-daily.csv"), complete("let h = history(\"data/b|\")"));
        assertEquals(List.of("data/btc-usd-daily.csv", "data/deribit-btc-sample.csv"), complete("book b = positions(\"data/|"));
    }

    @Test
    void aSnapshotsPathCompletesFoldersAndFilesAsTheChainLoadersDoes() {
        assertEquals(List.of("data/"), complete("data week = snapshots(\"d|"), "a folder of snapshots");
        assertEquals(List.of("data/btc-usd-daily.csv", "data/deribit-btc-sample.csv"),
                complete("data stream = snapshots(\"data/|\", every 1min)"), "one Tardis file");
    }

    @Test
    void theReplacedStretchIsTheWholeStringTypedSoFar() {
        String cell = "data chain = options(\"data/de";
        assertEquals(cell.indexOf("data/"), completion.at(cell, cell.length(), bindings).start());
    }

    @Test
    void noKeywordOrNameIsOfferedInsideAStringOrAComment() {
        assertEquals(List.of(), complete("show \"deri|"));
        assertEquals(List.of(), complete("let label = \"the rules are deribit_st|"));
        assertEquals(List.of(), complete("let x = 1  # see deribit_st|"));
    }

    @Test
    void aParametersFixedChoicesCompleteInItsString() {
        assertEquals(List.of("call", "c"), complete("show black(60000, 65000, 30d, 55%, \"c|"));
        assertEquals(List.of("strike"), complete("plot smile(chain, x \"st|"));
    }

    @Test
    void aModelBlockOffersTheFamilysParametersAndRequire() {
        List<String> offered = complete("model hs = heston {\n  |");
        List<String> parameters = registry.modelFamily("heston").orElseThrow().parameterNames();
        assertTrue(offered.containsAll(parameters) && offered.contains("require"), offered.toString());
        assertEquals(List.of("kappa"), complete("model hs = heston {\n  rho = -0.3\n  ka|"));
        assertEquals(List.of("sigma", "sigmaJ"), complete("model m = merton { sig|"));
    }

    @Test
    void aRulesBlockOffersItsFamilysSettingsAndThenTheirChoices() {
        List<String> settings = registry.settings("portfolio_margin").stream().map(s -> s.name()).toList();
        assertEquals(settings, complete("rules pm = portfolio_margin {\n  |"));
        assertEquals(List.of("price_range", "price_points"), complete("rules pm = portfolio_margin { price_range 16%; pri|"));
        assertFalse(complete("rules pm = portfolio_margin { |").contains("deribit_standard"));
    }

    @Test
    void aFitBlockOffersTheFitSettingsAndASolversBlockItsOwn() {
        List<String> fit = registry.settings("fit").stream().map(s -> s.name()).toList();
        assertEquals(fit, complete("fit hf = calibrate hs to chain {\n  |"));
        assertEquals(List.of("max_iterations", "max_evaluations"), complete("fit hf = calibrate hs to chain {\n  method cma_es { max_|"));
        assertEquals(Registry.SOLVERS, complete("fit hf = calibrate hs to chain { method |"));
        assertEquals(List.of("confidence"), complete("rules pm = calibrate portfolio_margin to btc { conf|"));
    }

    @Test
    void aTablesBlockOffersKeepAndSetThenTheColumnsInScope() {
        assertEquals(List.of("keep", "set"), complete("data chain = options(\"data/x.csv\") {\n  |"));
        List<String> row = complete("data chain = options(\"data/x.csv\") {\n  keep |");
        assertEquals(registry.chainColumns().getFirst().name(), row.getFirst(), "columns first: " + row);
        assertTrue(row.contains("black"), "then functions: " + row);
        assertTrue(complete("data chain = options(\"x.csv\") { set mid_coin = mid / forward; keep mid_c|").contains("mid_coin"),
                "a column set earlier in the block");
    }

    @Test
    void theColumnsOfABoundTableCompleteInItsBlocksAndInShowColumns() {
        bind("data small = options(\"data/deribit-btc-sample.csv\") { keep bid > 0 }\nlet tiny = 1");
        assertTrue(complete("data wide = small {\n  set moneyness = strike / forward\n  keep mon|").contains("moneyness"));
        assertEquals(List.of("strike"), complete("show small { columns [instrument, stri|"));
        assertEquals(List.of("tiny"), complete("show small { rows ti|"), "a setting's value is an expression of the session's names");
    }

    @Test
    void afterTheNameOfAModelOrRulesTheFamiliesAreOffered() {
        assertEquals(List.of("heston"), complete("model hs = hes|"));
        assertTrue(complete("rules r = |").containsAll(List.of("portfolio_margin", "span", "calibrate")));
        assertEquals(List.of("svi", "ssvi"), complete("surface s = s|").stream().filter(n -> n.contains("svi")).toList());
    }

    @Test
    void aStatementsFirstWordMayBeAKeywordAndElsewhereNamesAndFunctions() {
        assertTrue(complete("mo|").contains("model"));
        assertFalse(complete("let x = mo|").contains("model"), "no keyword inside an expression");
        assertTrue(complete("let v = impl|").contains("implied_vol"));
    }

    @Test
    void aCallOffersTheParametersWrittenByName() {
        assertTrue(complete("data c = options(\"x.csv\", |").containsAll(List.of("format", "as_of", "iv_unit")));
        assertEquals(List.of("x"), complete("plot smile(chain, |").stream().filter(n -> n.length() == 1).toList());
    }

    private void bind(String recipe) {
        Session session = new Session(Path.of("../examples").toAbsolutePath());
        session.run(new SourceFile("setup", recipe), Mode.CELL);
        java.util.LinkedHashMap<String, Value> bound = new java.util.LinkedHashMap<>();
        session.names().forEach(name -> bound.put(name, session.valueOf(name)));
        bindings = bound;
    }

    private List<String> complete(String marked) {
        return completion.at(marked.replace("|", ""), marked.indexOf('|'), bindings).matches();
    }
}
