package margo.dsl.output;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlotlyLibraryTest {

    @Test
    void theBundleShipsWithItsMitLicenceBesideIt() throws IOException {
        String folder = PlotlyLibrary.resource().substring(0, PlotlyLibrary.resource().lastIndexOf('/') + 1);
        try (InputStream in = PlotlyLibrary.class.getClassLoader().getResourceAsStream(folder + "LICENSE")) {
            assertNotNull(in, "plotly.js's licence is in the jar beside the bundle");
            String licence = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(licence.startsWith("MIT License") && licence.contains("Plotly"), licence);
        }
    }

    @Test
    void theBundleIsTheMinifiedCartesianOneOfTheVersionBuiltIn() {
        String head = new String(PlotlyLibrary.source(), 0, 120, StandardCharsets.UTF_8);
        assertTrue(head.contains("plotly.js (cartesian - minified) v" + PlotlyLibrary.version()), head);
    }
}
