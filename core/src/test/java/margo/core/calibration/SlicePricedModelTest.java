package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import org.junit.jupiter.api.Test;

/** The adapter from slice prices to implied volatilities. */
class SlicePricedModelTest {

    /** Prices every option at Black-76 with volatility p[0], shifted by p[1] in price. */
    private static final SlicePricer SHIFTED_BLACK = new SlicePricer() {
        @Override
        public List<String> parameterNames() {
            return List.of("sigma", "shift");
        }

        @Override
        public boolean hasGradient() {
            return true;
        }

        @Override
        public void prices(double[] p, double forward, double t, double[] strikes, OptionType[] types, double[] out,
                double[] gradient) {
            for (int i = 0; i < strikes.length; i++) {
                out[i] = Black76.price(types[i], forward, strikes[i], t, p[0]) + p[1];
                if (gradient != null) {
                    gradient[2 * i] = Black76.vega(types[i], forward, strikes[i], t, p[0]);
                    gradient[2 * i + 1] = 1.0;
                }
            }
        }
    };

    private static final CalibrationQuotes QUOTES = TestModels.chain(new double[] {0.1, 0.5}, 5, (t, k) -> 0.6);

    @Test
    void invertsPricesToTheVolatilityTheyWerePricedAt() {
        QuoteEvaluator evaluator = new SlicePricedModel(SHIFTED_BLACK).evaluatorFor(QUOTES,
                Target.IMPLIED_VOLATILITY);
        double[] iv = new double[QUOTES.size()];
        evaluator.values(new double[] {0.45, 0.0}, iv);
        for (double v : iv) {
            assertEquals(0.45, v, 1e-13);
        }
    }

    @Test
    void chainRuleGivesVolatilityDerivativeOfOneForTheVolatilityParameter() {
        QuoteEvaluator evaluator = new SlicePricedModel(SHIFTED_BLACK).evaluatorFor(QUOTES,
                Target.IMPLIED_VOLATILITY);
        double[] jacobian = new double[QUOTES.size() * 2];
        evaluator.jacobian(new double[] {0.45, 0.0}, jacobian);
        for (int i = 0; i < QUOTES.size(); i++) {
            assertEquals(1.0, jacobian[2 * i], 1e-12, "d sigma / d sigma at quote " + i);
            double vega = Black76.vega(QUOTES.types()[i], 100.0, QUOTES.strikes()[i], QUOTES.timesYears()[i], 0.45);
            assertEquals(1.0 / vega, jacobian[2 * i + 1], 1e-12 / vega, "d sigma / d price at quote " + i);
        }
    }

    @Test
    void pricesBelowIntrinsicFallBackToTheLinearisedVolatilityInsteadOfNaN() {
        QuoteEvaluator evaluator = new SlicePricedModel(SHIFTED_BLACK).evaluatorFor(QUOTES,
                Target.IMPLIED_VOLATILITY);
        double[] iv = new double[QUOTES.size()];
        // A shift of -50 puts every option below its intrinsic value (out-of-the-money ones below zero).
        evaluator.values(new double[] {0.45, -50.0}, iv);
        for (int i = 0; i < iv.length; i++) {
            double price = Black76.price(QUOTES.types()[i], 100.0, QUOTES.strikes()[i], QUOTES.timesYears()[i], 0.45)
                    - 50.0;
            double marketPrice = Black76.price(QUOTES.types()[i], 100.0, QUOTES.strikes()[i],
                    QUOTES.timesYears()[i], 0.6);
            double marketVega = Black76.vega(QUOTES.types()[i], 100.0, QUOTES.strikes()[i], QUOTES.timesYears()[i],
                    0.6);
            assertEquals(0.6 + (price - marketPrice) / marketVega, iv[i], 1e-12, "quote " + i);
            assertTrue(iv[i] < 0.45);
        }
    }

    @Test
    void priceTargetPassesPricesThrough() {
        QuoteEvaluator evaluator = new SlicePricedModel(SHIFTED_BLACK).evaluatorFor(QUOTES, Target.PRICE);
        double[] prices = new double[QUOTES.size()];
        evaluator.values(new double[] {0.45, 1.5}, prices);
        for (int i = 0; i < prices.length; i++) {
            assertEquals(Black76.price(QUOTES.types()[i], 100.0, QUOTES.strikes()[i], QUOTES.timesYears()[i], 0.45)
                    + 1.5, prices[i], 0.0);
        }
    }
}
