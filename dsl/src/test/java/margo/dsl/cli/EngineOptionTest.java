package margo.dsl.cli;

import static margo.dsl.cli.MainTest.QUICKSTART;
import static margo.dsl.cli.MainTest.margo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code margo run --engine}: the run on an engine gives the in-process run's output; without the engine's module on
 * the class path, the run says how to get it.
 */
class EngineOptionTest {

    private static final Path MARGIN = Path.of("../examples/margin.margo");

    @Test
    void anEngineThatIsNotOnTheClassPathIsAUsageErrorSayingHowToBuildIt() {
        MainTest.Result result = margo("run", QUICKSTART.toString(), "--engine", "spark");
        assertEquals(Main.USAGE, result.exit());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("margo: the spark engine is not installed (installed: in-process): build"
                + " the spark module (mvn -pl spark -am package), then run ./margo run RECIPE --engine spark"),
                result.err());
    }

    @Test
    void aRunOnAnEngineShowsItsBooksBeforeTheEngineStops() {
        // show desk gathers the book from the engine's parts when it is rendered, which must be before it closes
        MainTest.Result onEngine = margo("run", MARGIN.toString(), "--engine", "in-process");
        MainTest.Result here = margo("run", MARGIN.toString());
        assertEquals(Main.OK, onEngine.exit(), onEngine.err());
        assertEquals(here.out(), onEngine.out());
        assertEquals(here.err(), onEngine.err());
    }

    @Test
    void aMasterWithoutAnEngineIsAUsageError() {
        MainTest.Result result = margo("run", QUICKSTART.toString(), "--master", "local[2]");
        assertEquals(Main.USAGE, result.exit());
        assertTrue(result.err().startsWith("margo: --master needs --engine spark"), result.err());
    }
}
