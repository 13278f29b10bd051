package margo.core.hedging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import margo.core.margin.MarginCalculator;
import margo.core.margin.MarginGroup;
import margo.core.margin.Position;
import margo.core.margin.SampleMarket;
import org.junit.jupiter.api.Test;

/** The linear terms of a hedge are the book's own numbers after the trade. */
class HedgeTermsTest {

    @Test
    void theProgramsPortfolioMarginIsTheRulesOnTheHedgedBook() {
        Random random = new Random(7);
        List<HedgeCandidate> candidates = SampleHedges.candidates("BTC-PERPETUAL", "BTC-29MAR24", "BTC-28JUN24",
                "BTC-29MAR24-70000-C", "BTC-26APR24-55000-P", "BTC-29MAR24-60000-P");
        MarginCalculator pm = new MarginCalculator(SampleHedges.PM);
        for (String account : List.of("covered-call", "short-strangle", "calendar", "hedged", "basis")) {
            MarginGroup group = SampleHedges.group(account);
            HedgeTerms terms = new HedgeTerms(SampleHedges.problem(group, candidates, List.of(), SampleHedges.MARGIN,
                    0, Double.POSITIVE_INFINITY));
            for (int trial = 0; trial < 20; trial++) {
                double[] x = new double[candidates.size()];
                List<Position> trades = new ArrayList<>();
                for (int j = 0; j < x.length; j++) {
                    x[j] = random.nextInt(3) == 0 ? 0 : Math.round(random.nextGaussian() * 50) / 10.0;
                    if (x[j] != 0) {
                        trades.add(new Position(candidates.get(j).instrument(), x[j], terms.mark[j]));
                    }
                }
                double rule = pm.initialAndMaintenance(trades.isEmpty() ? group : group.plus(trades),
                        SampleMarket.PRICER)[0];
                assertEquals(rule, terms.margin.initialMargin(x), 1e-9 * rule + 1e-9, account + " " + trades);
            }
        }
    }
}
