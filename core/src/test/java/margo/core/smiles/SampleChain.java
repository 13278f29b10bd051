package margo.core.smiles;

import java.nio.file.Files;
import java.nio.file.Path;
import margo.core.market.LoadOptions;
import margo.core.market.OptionChain;
import margo.core.market.OptionChains;

/** The shipped synthetic Deribit sample (examples/data), generated from a known SSVI surface. */
final class SampleChain {

    /** The generator's SSVI parameters (examples/data/generate_deribit_sample.py). */
    static final double RHO = 0.15;
    static final double ETA = 1.2;
    static final double GAMMA = 0.4;

    private static OptionChain chain;

    static synchronized OptionChain chain() throws Exception {
        if (chain == null) {
            Path here = Path.of("").toAbsolutePath();
            Path root = Files.exists(here.resolve("examples")) ? here : here.getParent();
            chain = OptionChains.load(root.resolve("examples/data/deribit-btc-sample.csv"), LoadOptions.DEFAULTS)
                    .chain();
        }
        return chain;
    }

    /** The generator's ATM volatility, 0.58 + 0.14 exp(-T / 0.15), annualised decimal. */
    static double atmVolatility(double timeYears) {
        return 0.58 + 0.14 * Math.exp(-timeYears / 0.15);
    }

    static SmileQuotes marks() throws Exception {
        return SmileQuotes.fromChain(chain(), SmileQuotes.Source.MARK, SmileQuotes.Weighting.EQUAL, 5);
    }

    private SampleChain() {
    }
}
