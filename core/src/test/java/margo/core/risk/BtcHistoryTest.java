package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The estimators on real BTC daily closes (Yahoo Finance, 2014-09-17 .. 2026-06-30; origin and licence in
 * {@code risk/README.md}): a smoke test that they run on twelve years of a real coin and give numbers in the range a
 * risk manager would recognise.
 */
class BtcHistoryTest {

    private static final ShockSpec DAY_99 = ShockSpec.valueAtRisk(0.99, 1);

    private static List<String> dates;
    private static double[] returns;

    @BeforeAll
    static void read() throws IOException {
        dates = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                BtcHistoryTest.class.getResourceAsStream("/risk/btc-usd-daily-close-yahoo.csv"),
                StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                dates.add(fields[0]);
                closes.add(Double.parseDouble(fields[1]));
            }
        }
        returns = HorizonReturns.logReturns(closes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Return {@code i} runs from close {@code i} to close {@code i + 1}; it is named by its end date. */
    private static int returnEnding(String date) {
        return dates.indexOf(date) - 1;
    }

    @Test
    void garchOnTwelveYearsOfBtcIsPersistentAndStationaryWithFiniteErrors() {
        Garch11Fit fit = Garch11Estimation.fit(returns, 0, returns.length);
        Garch11 p = fit.parameters();
        assertTrue(p.persistence() > 0.8 && p.persistence() < 1, fit.summary());
        assertTrue(fit.alphaError() > 0 && fit.betaError() > 0 && fit.omegaError() > 0, fit.summary());
        double annualVol = Math.sqrt(365 * p.longRunVariance());
        assertTrue(annualVol > 0.4 && annualVol < 1.2, "long-run volatility " + annualVol + ": " + fit.summary());
    }

    @Test
    void theMarch2020CrashExceedsEveryEstimatorsDownShock() {
        int crash = returnEnding("2020-03-12");
        assertEquals(-0.46, returns[crash], 0.01);
        for (ShockEstimator estimator : List.of(new HistoricalSimulation(DAY_99, HorizonScaling.DIRECT),
                EwmaEstimator.riskMetrics(DAY_99), new FilteredHistoricalSimulation(DAY_99, VolatilityFilter.GARCH))) {
            Shock before = estimator.shock(returns, crash - 1_000, crash);
            assertTrue(before.downExceededBy(returns[crash]), estimator.method() + ": " + before);
            assertTrue(before.down() > 0.03 && before.down() < 0.25, estimator.method() + ": " + before);
        }
    }

    @Test
    void dailyRefittedFhsGarchBacktestsOverEightYears() {
        int from = returnEnding("2018-01-01") - 1_000;
        double[] window = java.util.Arrays.copyOfRange(returns, from, returns.length);
        ShockSeries series = ShockSeries.estimate(window,
                new FilteredHistoricalSimulation(DAY_99, VolatilityFilter.GARCH), Lookback.rolling(1_000), 1);
        Backtest down = series.backtest(Tail.DOWN);
        assertTrue(down.observations() > 3_000, down.verdict());
        // Eight years at 99%: about 31 exceptions expected; a usable model stays within a factor of two.
        assertTrue(down.exceptions() > 15 && down.exceptions() < 62, down.verdict());
    }

    /**
     * BOBYQA alone fails on some real windows (it stops with "trust region step has failed to reduce Q" or circles
     * on a flat likelihood); the fit still answers, finished by Newton steps or flagged as not converged.
     */
    @Test
    void aWindowThatDefeatsBobyqaStillGetsAFit() {
        Garch11Fit fit = Garch11Estimation.fit(returns, 214, 1_214);
        assertTrue(fit.parameters().persistence() < 1, fit.summary());
        assertTrue(Double.isFinite(fit.logLikelihood()), fit.summary());
        assertTrue(fit.converged() || fit.summary().contains("not converged"), fit.summary());
        double[] to2019 = java.util.Arrays.copyOf(returns, returnEnding("2019-01-01"));
        FilteredHistoricalSimulation fhs = new FilteredHistoricalSimulation(DAY_99, VolatilityFilter.GARCH);
        ApcSeries apc = new AntiProcyclicality(0.25, 0.25, 3_652).apply(to2019, fhs, Lookback.rolling(1_000),
                ShockSeries.estimate(to2019, fhs, Lookback.rolling(1_000), 5));
        assertTrue(apc.shock(ApcSeries.Component.APPLIED, apc.size() - 1).down() > 0);
    }
}
