package margo.dsl.cli;

import static margo.dsl.cli.MainTest.QUICKSTART;
import static margo.dsl.cli.MainTest.margo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code margo run --engine}: without the engine's module on the class path, the run says how to get it. */
class EngineOptionTest {

    @Test
    void anEngineThatIsNotOnTheClassPathIsAUsageErrorSayingHowToBuildIt() {
        MainTest.Result result = margo("run", QUICKSTART.toString(), "--engine", "spark");
        assertEquals(Main.USAGE, result.exit());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("margo: the spark engine is not installed: build the spark module"
                + " (mvn -pl spark -am package), then run ./margo run RECIPE --engine spark"), result.err());
    }

    @Test
    void aMasterWithoutAnEngineIsAUsageError() {
        MainTest.Result result = margo("run", QUICKSTART.toString(), "--master", "local[2]");
        assertEquals(Main.USAGE, result.exit());
        assertTrue(result.err().startsWith("margo: --master needs --engine spark"), result.err());
    }
}
