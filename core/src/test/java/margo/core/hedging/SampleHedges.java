package margo.core.hedging;

import java.util.ArrayList;
import java.util.List;
import margo.core.margin.MarginGroup;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.SampleMarket;
import margo.core.margin.StandardMarginRule;
import margo.core.market.InstrumentName;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChain;
import margo.core.market.OptionChains;
import tech.tablesaw.api.Table;

/** Hedge problems on the shipped book, with candidates quoted at the sample chain's bid and ask. */
final class SampleHedges {

    static final OptionChain CHAIN;
    static final PortfolioMarginRule PM = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC);
    static final HedgeObjective COST = new HedgeObjective.Cost();
    static final HedgeObjective TRADES = new HedgeObjective.Trades();
    static final HedgeObjective MARGIN = new HedgeObjective.Margin(PM);

    static {
        try {
            CHAIN = OptionChains.load(SampleMarket.data("deribit-btc-sample.csv"), LoadOptions.DEFAULTS).chain();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SampleHedges() {
    }

    /** The cross pool of a shipped account. */
    static MarginGroup group(String account) {
        return SampleMarket.book().account(account).group("");
    }

    /** Candidates by name: options at the chain's bid and ask (coin), futures and perpetuals at their mark. */
    static List<HedgeCandidate> candidates(String... names) {
        Table table = CHAIN.table();
        List<HedgeCandidate> out = new ArrayList<>();
        for (String name : names) {
            InstrumentName instrument = InstrumentName.parse(name);
            if (!(instrument instanceof InstrumentName.Option)) {
                out.add(HedgeCandidate.atMark(instrument));
                continue;
            }
            int row = table.stringColumn("instrument").indexOf(name);
            if (row < 0) {
                throw new IllegalArgumentException("the sample chain does not quote " + name);
            }
            out.add(new HedgeCandidate(instrument, table.doubleColumn("bid").getDouble(row),
                    table.doubleColumn("ask").getDouble(row)));
        }
        return out;
    }

    static HedgeProblem problem(MarginGroup group, List<HedgeCandidate> candidates, List<GreekTarget> targets,
            HedgeObjective objective, double lot, double maxSize) {
        return new HedgeProblem(group, SampleMarket.PRICER, candidates, targets, objective,
                objective instanceof HedgeObjective.Margin margin ? margin.rule() : StandardMarginRule.DERIBIT, lot,
                maxSize);
    }
}
