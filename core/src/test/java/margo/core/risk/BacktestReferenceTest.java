package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kupiec, Christoffersen and the traffic light against the worked example of MATLAB's {@code varbacktest}
 * documentation (T = 1043, x = 57 at 95%) and against {@code risk/backtests_scipy.csv}, written by
 * {@code backtests_scipy.py} beside it from scipy's chi-squared and binomial distributions. scipy is not needed to
 * run this test.
 */
class BacktestReferenceTest {

    private record Row(String name, double confidence, boolean[] exceptions, int count, double pof, double pofP,
                       int[] transitions, double independence, double independenceP, double conditional,
                       double conditionalP, double cumulative, double typeOne, String zone) {
    }

    private static List<Row> rows;

    @BeforeAll
    static void readTable() throws IOException {
        rows = new ArrayList<>();
        try (InputStream in = BacktestReferenceTest.class.getResourceAsStream("/risk/backtests_scipy.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                String sequence = f[17];
                boolean[] exceptions = new boolean[sequence.length()];
                for (int i = 0; i < exceptions.length; i++) {
                    exceptions[i] = sequence.charAt(i) == '1';
                }
                rows.add(new Row(f[0], Double.parseDouble(f[1]), exceptions, Integer.parseInt(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        new int[] {Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                                Integer.parseInt(f[9])},
                        Double.parseDouble(f[10]), Double.parseDouble(f[11]), Double.parseDouble(f[12]),
                        Double.parseDouble(f[13]), Double.parseDouble(f[14]), Double.parseDouble(f[15]), f[16]));
            }
        }
        assertEquals(11, rows.size(), "the reference table's cases");
    }

    @Test
    void kupiecMatchesMatlabWorkedExample() {
        KupiecTest test = KupiecTest.of(1043, 57, 0.05);
        assertEquals(0.46147, test.statistic(), 5e-6);
        assertEquals(0.49694, test.pValue(), 5e-6);
        assertEquals(false, test.rejects(0.05));
    }

    @Test
    void trafficLightMatchesMatlabWorkedExample() {
        TrafficLight light = TrafficLight.of(1043, 57, 0.95);
        assertEquals(TrafficLight.Zone.GREEN, light.zone());
        assertEquals(0.77913, light.cumulativeProbability(), 5e-6);
        assertEquals(0.26396, light.typeOneError(), 5e-6);
    }

    @Test
    void ninetyPercentWithFortyExceptionsInTwoHundredFiftyIsYellow() {
        assertEquals(TrafficLight.Zone.YELLOW, TrafficLight.of(250, 40, 0.9).zone());
    }

    @Test
    void baselZonesForTwoHundredFiftyDaysAtNinetyNinePercent() {
        TrafficLight light = TrafficLight.of(250, 0, 0.99);
        assertEquals(4, light.greenUpTo());
        assertEquals(9, light.yellowUpTo());
        assertEquals(TrafficLight.Zone.YELLOW, TrafficLight.of(250, 5, 0.99).zone());
        assertEquals(TrafficLight.Zone.RED, TrafficLight.of(250, 10, 0.99).zone());
        assertEquals(0.8922, TrafficLight.of(250, 4, 0.99).cumulativeProbability(), 5e-5);
        assertEquals(0.99975, TrafficLight.of(250, 9, 0.99).cumulativeProbability(), 5e-6);
    }

    @Test
    void everyStatisticMatchesScipy() {
        for (Row row : rows) {
            Backtest backtest = Backtest.of(row.exceptions, row.confidence);
            String at = row.name + ": ";
            assertEquals(row.count, backtest.exceptions(), at + "exceptions");
            assertEquals(row.pof, backtest.kupiec().statistic(), 1e-9 * Math.max(1, row.pof), at + "Kupiec LR");
            assertClose(row.pofP, backtest.kupiec().pValue(), at + "Kupiec p");
            ChristoffersenTest c = backtest.christoffersen();
            assertEquals(row.transitions[0], c.n00(), at + "n00");
            assertEquals(row.transitions[1], c.n01(), at + "n01");
            assertEquals(row.transitions[2], c.n10(), at + "n10");
            assertEquals(row.transitions[3], c.n11(), at + "n11");
            assertEquals(row.independence, c.independenceStatistic(), 1e-9 * Math.max(1, row.independence),
                    at + "LR_ind");
            assertClose(row.independenceP, c.independencePValue(), at + "LR_ind p");
            assertEquals(row.conditional, c.conditionalCoverageStatistic(), 1e-9 * Math.max(1, row.conditional),
                    at + "LR_cc");
            assertClose(row.conditionalP, c.conditionalCoveragePValue(), at + "LR_cc p");
            assertClose(row.cumulative, backtest.trafficLight().cumulativeProbability(), at + "P(X <= x)");
            assertClose(row.typeOne, backtest.trafficLight().typeOneError(), at + "P(X >= x)");
            assertEquals(row.zone, backtest.trafficLight().zone().label(), at + "zone");
        }
    }

    /**
     * Commons Math computes upper tails as one minus the CDF, so a p-value near 1e-20 is lost to rounding; there
     * both must be negligible, elsewhere they agree to 1e-9 relative.
     */
    private static void assertClose(double expected, double actual, String what) {
        if (expected < 1e-12) {
            assertEquals(0, actual, 1e-12, what);
        } else {
            assertEquals(expected, actual, 1e-9 * expected + 1e-14, what);
        }
    }
}
