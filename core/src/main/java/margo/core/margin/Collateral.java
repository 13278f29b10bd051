package margo.core.margin;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * Cash held as margin collateral.
 *
 * @param currency the currency, e.g. {@code BTC} or {@code USDC} (upper case)
 * @param amount   the amount, in {@code currency}, &gt; 0
 * @param haircut  the fraction of the USD value not counted towards initial margin, in [0, 1). Deribit applies
 *                 cross-collateral haircuts to IM only (support.deribit.com/hc/en-us/articles/25944777203869);
 *                 Kraken's, for scale: USD 0%, stablecoins 1%, BTC/ETH 3% (docs/margin-sources.md, B6)
 */
public record Collateral(String currency, double amount, double haircut) implements Serializable {

    /** Currencies valued at 1 USD: Margo counts stablecoins at par. */
    public static final Set<String> USD_CURRENCIES = Set.of("USD", "USDC", "USDT");

    public Collateral {
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("currency must not be empty");
        }
        currency = currency.trim().toUpperCase(Locale.ROOT);
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("amount must be a positive finite number of " + currency + ", not "
                    + amount);
        }
        if (!(haircut >= 0 && haircut < 1)) {
            throw new IllegalArgumentException("haircut must be a fraction in [0, 1), not " + haircut);
        }
    }

    /**
     * USD per unit of {@code currency}: 1 for USD and stablecoins, the index price for the pricer's coin.
     *
     * @throws IllegalArgumentException for any other currency
     */
    public static double usdPrice(String currency, PositionPricer pricer) {
        if (USD_CURRENCIES.contains(currency)) {
            return 1.0;
        }
        if (currency.equals(pricer.coin())) {
            return pricer.indexPrice();
        }
        throw new IllegalArgumentException("no USD price for collateral currency " + currency + "; Margo values "
                + USD_CURRENCIES + " at par and " + pricer.coin() + " at its index");
    }

    /** This holding with another haircut, as when a recipe sets a coin's haircut from its price history. */
    public Collateral withHaircut(double newHaircut) {
        return new Collateral(currency, amount, newHaircut);
    }

    /** The collateral's value in USD at the pricer's market, before the haircut. */
    public double valueUsd(PositionPricer pricer) {
        return amount * usdPrice(currency, pricer);
    }
}
