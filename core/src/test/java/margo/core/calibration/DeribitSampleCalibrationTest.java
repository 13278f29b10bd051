package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChain;
import margo.core.market.OptionChains;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The engine on the shipped Deribit snapshot, as a recipe would drive it. */
class DeribitSampleCalibrationTest {

    private static OptionChain sample() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("examples")) ? here : here.getParent();
        return OptionChains.load(root.resolve("examples/data/deribit-btc-sample.csv"), LoadOptions.DEFAULTS).chain();
    }

    @Test
    void fitsTheSampleSmileOfOneExpiryWithSpreadWeightsAndExcludesQuotesWithoutMid() throws Exception {
        OptionChain chain = sample();
        Table table = chain.table();
        // The recipe's weight 1 / max(ask_iv - bid_iv, 0.5%).
        double[] bid = table.doubleColumn("bid_iv").asDoubleArray();
        double[] ask = table.doubleColumn("ask_iv").asDoubleArray();
        double[] weights = new double[bid.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / Math.max(ask[i] - bid[i], 0.005);
        }
        CalibrationQuotes quotes = CalibrationQuotes.fromChain(chain, Target.IMPLIED_VOLATILITY, weights);
        CalibrationProblem problem = CalibrationProblem.of(new SlicePricedModel(new TestModels.Svi()), List.of(
                ParameterSpec.free("a", -0.5, 0.5, 0.01),
                ParameterSpec.free("b", 0.001, 2.0, 0.1),
                ParameterSpec.free("rho", -0.999, 0.999, 0.0),
                ParameterSpec.free("m", -1.0, 1.0, 0.0),
                ParameterSpec.free("s", 0.001, 2.0, 0.2)), quotes, Target.IMPLIED_VOLATILITY)
                .withExpiries(0).withStarts(4, 42);
        CalibrationResult result = Calibrator.DEFAULT.calibrate(problem);

        int midMissing = 0;
        int noWeight = 0;
        int otherExpiries = 0;
        for (int i = 0; i < quotes.size(); i++) {
            if (quotes.expiryIndex()[i] != 0) {
                otherExpiries++;
            } else if (Double.isNaN(quotes.market()[i])) {
                midMissing++;
            } else if (Double.isNaN(weights[i])) {
                noWeight++; // a mid with an implied volatility but a bid without one (below intrinsic value)
            }
        }
        assertTrue(midMissing > 0 && otherExpiries > 0, "the sample has one-sided quotes and several expiries");
        assertEquals(midMissing + noWeight + otherExpiries, result.exclusions().size(),
                result.exclusions().toString());
        assertEquals(StopReason.CONVERGED, result.stopReason(), result.warnings().toString());
        // A five-parameter smile fits one expiry's mids to within a couple of vol points.
        assertTrue(result.rmse() < 3.0, "rmse " + result.rmse() + " vol points");
        assertEquals(1, result.expiries().length);
    }
}
